import type { ReactNode } from 'react';
import { Label, Radio, RadioGroup, type RadioGroupProps } from 'react-aria-components';
import { cx } from './cx';
import { FieldError, labelClass } from './fields';

export type RadioOption = { id: string; label: ReactNode; description?: ReactNode };

export type RadioGroupFieldProps = Omit<RadioGroupProps, 'className' | 'children'> & {
  label: string;
  options: readonly RadioOption[];
  className?: string;
};

/** A labelled group of choices shown as cards, each at least 44 px tall. */
export function RadioGroupField({ label, options, className, ...props }: RadioGroupFieldProps) {
  return (
    <RadioGroup {...props} className={cx('flex flex-col gap-2', className)}>
      <Label className={labelClass}>{label}</Label>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <Radio
            key={option.id}
            value={option.id}
            className={cx(
              'group flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3',
              'data-[selected]:border-brand-700 data-[selected]:bg-brand-50 data-[hovered]:border-brand-400',
            )}
          >
            <span
              aria-hidden="true"
              className="mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border border-slate-500 group-data-[selected]:border-brand-700"
            >
              <span className="size-2 rounded-full bg-brand-700 opacity-0 group-data-[selected]:opacity-100" />
            </span>
            <span className="flex flex-col">
              <span className="font-medium text-slate-900">{option.label}</span>
              {option.description ? <span className="text-xs text-slate-600">{option.description}</span> : null}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError />
    </RadioGroup>
  );
}
