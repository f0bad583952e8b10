import { type ButtonHTMLAttributes, type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';
import { t } from './i18n';
import { Check, CircleAlert, CircleCheck, Copy, Info, TriangleAlert } from './icons';

export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}

/** The id of a field's focusable element, so the first field in error can be focused by its name. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Moves focus to the first field with an error (in the order the errors were found). */
export function focusFirstError(errors: Record<string, string>): void {
  const first = Object.keys(errors)[0];
  if (!first) return;
  requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}

// --- headings and page chrome

let firstHeading = true;

/**
 * The page's or step's heading. It takes focus when it appears (a new page or a new step), so a screen reader
 * starts reading there, except on the first page load, where the browser's own start is right.
 */
export function Heading({
  children,
  title,
  hiddenPrefix,
}: {
  children: ReactNode;
  title: string;
  hiddenPrefix?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.portalName')}`;
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="text-2xl leading-snug font-bold text-slate-900">
      {hiddenPrefix ? <span className="sr-only">{hiddenPrefix} </span> : null}
      {children}
    </h1>
  );
}

export function Progress({ current, total }: { current: number; total: number }) {
  return (
    <div aria-hidden="true" className="mb-2">
      <p className="mb-1 text-sm font-bold text-brand-800">{t('app.progress', { current, total })}</p>
      <div className="h-2 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-brand-600" style={{ inlineSize: `${(current / total) * 100}%` }} />
      </div>
    </div>
  );
}

/** Text that stays left to right inside Arabic: references, numbers, mobile numbers, codes. */
export function Ltr({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="ltr" className={className}>
      {children}
    </bdi>
  );
}

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('rounded-xl border border-slate-200 bg-white p-4 sm:p-6', className)}>{children}</div>;
}

// --- buttons

type Variant = 'primary' | 'secondary' | 'quiet';

const buttonBase =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-lg px-5 py-2 text-base font-bold ' +
  'transition-colors cursor-pointer select-none aria-disabled:cursor-wait aria-disabled:opacity-75';

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 active:bg-brand-900',
  secondary: 'border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50',
  quiet: 'text-brand-800 underline underline-offset-4 hover:bg-brand-50',
};

export function buttonClass(variant: Variant = 'secondary', className?: string): string {
  return cx(buttonBase, variants[variant], className);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean };

/** A large button. While busy it keeps focus and its place but ignores presses (no double submission). */
export function Button({ variant = 'secondary', busy, className, onClick, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      aria-disabled={busy ? true : undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      className={buttonClass(variant, className)}
    />
  );
}

/** Copies a value (reference, key) and says so; falls back to a hidden text area where the clipboard API is off. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.className = 'fixed opacity-0';
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };
  return (
    <Button variant="secondary" onClick={copy} className="shrink-0">
      {copied ? <Check aria-hidden="true" className="size-5" /> : <Copy aria-hidden="true" className="size-5" />}
      <span aria-hidden="true">{copied ? t('app.copied') : t('app.copy')}</span>
      <span className="sr-only">{t('app.copyWhat', { what })}</span>
      <span role="status" className="sr-only">
        {copied ? t('app.copied') : ''}
      </span>
    </Button>
  );
}

/** A value the person must keep (a reference, a key): large, left to right, with a copy button. */
export function KeepValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  return (
    <div className="rounded-xl border-2 border-brand-200 bg-brand-50 p-4">
      <p id={id} className="text-base font-bold text-slate-800">
        {label}
      </p>
      <div className="mt-2 flex flex-col items-start gap-3">
        <output
          aria-labelledby={id}
          data-testid={testId}
          dir="ltr"
          className="font-mono text-2xl font-bold tracking-wide break-all text-brand-950 sm:text-3xl"
        >
          {value}
        </output>
        <CopyButton value={value} what={label} />
      </div>
    </div>
  );
}

// --- messages

type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, { box: string; icon: typeof Info }> = {
  info: { box: 'border-brand-200 bg-brand-50 text-brand-950', icon: Info },
  success: { box: 'border-green-300 bg-green-50 text-green-900', icon: CircleCheck },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-950', icon: TriangleAlert },
  error: { box: 'border-red-300 bg-red-50 text-red-900', icon: CircleAlert },
};

/** A message box. Errors that appear after an action are announced (role="alert"); others are polite. */
export function Alert({
  tone = 'info',
  title,
  children,
  announce = false,
  className,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  announce?: boolean;
  className?: string;
}) {
  const Icon = tones[tone].icon;
  return (
    <div
      role={announce ? (tone === 'error' ? 'alert' : 'status') : undefined}
      className={cx('flex gap-3 rounded-xl border p-4', tones[tone].box, className)}
    >
      <Icon aria-hidden="true" className="mt-1 size-5 shrink-0" />
      <div className="min-w-0 flex-1 space-y-2">
        {title ? <p className="font-bold">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

// --- fields

const inputBase =
  'block w-full min-h-12 rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 ' +
  'placeholder:text-slate-500 focus:border-brand-700 aria-invalid:border-2 aria-invalid:border-red-700';

export const inputClass = inputBase;

function helpIds(name: string, hint?: string, error?: string): string | undefined {
  const id = fieldId(name);
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function Hint({ name, children }: { name: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${fieldId(name)}-hint`} className="text-sm text-slate-700">
      {children}
    </p>
  );
}

export function FieldError({ name, children }: { name: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${fieldId(name)}-error`} className="flex items-start gap-1.5 text-base font-bold text-red-700">
      <CircleAlert aria-hidden="true" className="mt-1 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

function LabelText({ children, optional }: { children: ReactNode; optional?: boolean }) {
  return (
    <>
      {children}
      {optional ? <span className="ms-1 text-sm font-normal text-slate-700">({t('app.optional')})</span> : null}
    </>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
  ltr?: boolean;
  large?: boolean;
  type?: 'text' | 'tel';
  inputMode?: 'text' | 'numeric' | 'tel' | 'decimal';
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  /** Keep the value as typed but show it in capitals (references). */
  upper?: boolean;
};

export function TextField(p: TextFieldProps) {
  const id = fieldId(p.name);
  return (
    <div className={cx('space-y-1.5', p.className)}>
      <label htmlFor={id} className="block text-base font-bold text-slate-900">
        <LabelText optional={p.optional}>{p.label}</LabelText>
      </label>
      <Hint name={p.name}>{p.hint}</Hint>
      <input
        id={id}
        ref={p.inputRef}
        type={p.type ?? 'text'}
        name={p.name}
        value={p.value}
        onChange={(event) => p.onChange(event.target.value)}
        dir={p.ltr ? 'ltr' : undefined}
        inputMode={p.inputMode}
        autoComplete={p.autoComplete ?? 'off'}
        maxLength={p.maxLength}
        placeholder={p.placeholder}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={helpIds(p.name, p.hint, p.error)}
        required={!p.optional}
        className={cx(
          inputBase,
          p.ltr && 'text-start',
          p.large && 'min-h-14 text-center font-mono text-3xl tracking-[0.4em]',
          p.upper && 'uppercase',
        )}
      />
      <FieldError name={p.name}>{p.error}</FieldError>
    </div>
  );
}

export function TextArea(p: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  maxLength?: number;
  rows?: number;
  /** May be left empty (the label says so). */
  optional?: boolean;
}) {
  const id = fieldId(p.name);
  const over = p.maxLength ? p.value.length - p.maxLength : 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-base font-bold text-slate-900">
        {p.label}
        {p.optional ? <span className="text-sm font-normal text-slate-700"> ({t('app.optional')})</span> : null}
      </label>
      <Hint name={p.name}>{p.hint}</Hint>
      {/* No maxLength: a long text is never cut silently; the counter says how much is left, or how much to cut. */}
      <textarea
        id={id}
        name={p.name}
        value={p.value}
        rows={p.rows ?? 6}
        onChange={(event) => p.onChange(event.target.value)}
        aria-invalid={p.error || over > 0 ? true : undefined}
        aria-describedby={cx(helpIds(p.name, p.hint, p.error), p.maxLength ? `${id}-count` : undefined) || undefined}
        required={!p.optional}
        className={inputBase}
      />
      {p.maxLength ? (
        <p
          id={`${id}-count`}
          aria-live={over > 0 ? 'polite' : undefined}
          className={cx('text-sm', over > 0 ? 'font-bold text-red-800' : 'text-slate-700')}
        >
          {over > 0 ? t('app.tooLong', { over }) : t('app.counter', { n: p.value.length, max: p.maxLength })}
        </p>
      ) : null}
      <FieldError name={p.name}>{p.error}</FieldError>
    </div>
  );
}

export function SelectField(p: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  placeholder: string;
  hint?: string;
  error?: string;
  className?: string;
}) {
  const id = fieldId(p.name);
  return (
    <div className={cx('space-y-1.5', p.className)}>
      <label htmlFor={id} className="block text-base font-bold text-slate-900">
        {p.label}
      </label>
      <Hint name={p.name}>{p.hint}</Hint>
      <select
        id={id}
        name={p.name}
        value={p.value}
        onChange={(event) => p.onChange(event.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={helpIds(p.name, p.hint, p.error)}
        required
        className={inputBase}
      >
        <option value="">{p.placeholder}</option>
        {p.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError name={p.name}>{p.error}</FieldError>
    </div>
  );
}

export type Choice = { value: string; label: string; hint?: string };

/** One choice among a few, as large tappable rows in a fieldset whose legend is the question. */
export function RadioGroup(p: {
  name: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  options: Choice[];
  hint?: string;
  error?: string;
  columns?: boolean;
  small?: boolean;
  /** The step's heading already asks the question: the legend is then for screen readers only. */
  legendHidden?: boolean;
}) {
  const groupName = useId();
  return (
    <fieldset aria-describedby={helpIds(p.name, p.hint, p.error)} className="space-y-2">
      <legend
        className={cx('mb-2 font-bold text-slate-900', p.small ? 'text-base' : 'text-lg', p.legendHidden && 'sr-only')}
      >
        {p.legend}
      </legend>
      <Hint name={p.name}>{p.hint}</Hint>
      <div className={cx('gap-2', p.columns ? 'grid grid-cols-2' : 'flex flex-col')}>
        {p.options.map((option, index) => {
          const id = index === 0 ? fieldId(p.name) : `${fieldId(p.name)}-${index}`;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={cx(
                'flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border bg-white px-4 py-3',
                'has-checked:border-2 has-checked:border-brand-700 has-checked:bg-brand-50',
                p.error ? 'border-red-700' : 'border-slate-400',
              )}
            >
              <input
                id={id}
                type="radio"
                name={groupName}
                value={option.value}
                checked={p.value === option.value}
                onChange={() => p.onChange(option.value)}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <span className="min-w-0">
                <span className="block font-bold">{option.label}</span>
                {option.hint ? <span className="block text-sm text-slate-700">{option.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError name={p.name}>{p.error}</FieldError>
    </fieldset>
  );
}

export function Checkbox(p: {
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
}) {
  const id = fieldId(p.name);
  return (
    <div className="space-y-1.5">
      <label
        htmlFor={id}
        className={cx(
          'flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border bg-white px-4 py-3',
          'has-checked:border-2 has-checked:border-brand-700 has-checked:bg-brand-50',
          p.error ? 'border-red-700' : 'border-slate-400',
        )}
      >
        <input
          id={id}
          type="checkbox"
          checked={p.checked}
          onChange={(event) => p.onChange(event.target.checked)}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={helpIds(p.name, p.hint, p.error)}
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <span className="min-w-0 font-bold">{p.label}</span>
      </label>
      <Hint name={p.name}>{p.hint}</Hint>
      <FieldError name={p.name}>{p.error}</FieldError>
    </div>
  );
}

/** A short list of label/value pairs (a status page, a summary). */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="divide-y divide-slate-200">
      {items.map((item) => (
        <div key={item.label} className="py-3 first:pt-0 last:pb-0">
          <dt className="text-sm text-slate-700">{item.label}</dt>
          <dd className="font-bold text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// --- loading

/** While a page waits for its data (`data-loading`), styles.css keeps the footer out of the layout. */
export function Loading() {
  return (
    <p role="status" data-loading="" className="py-8 text-center text-lg text-slate-700">
      {t('app.loading')}
    </p>
  );
}

export function LoadFailed({ message, retry }: { message?: string; retry: () => void }) {
  return (
    <Alert tone="error" title={message ?? t('errors.loadFailed')}>
      <Button variant="secondary" onClick={retry}>
        {t('app.retry')}
      </Button>
    </Alert>
  );
}

/** Text that comes from the association (services, policies): always Arabic, whatever the interface language. */
export function Arabic({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span lang="ar" dir="rtl" className={cx('block', className)}>
      {children}
    </span>
  );
}
