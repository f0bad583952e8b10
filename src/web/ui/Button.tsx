import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { cx } from './cx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'dangerQuiet';

const base =
  'inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 text-sm font-medium whitespace-nowrap ' +
  'transition-colors select-none cursor-pointer disabled:cursor-not-allowed data-[disabled]:opacity-60 ' +
  'data-[pending]:cursor-wait';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 pressed:bg-brand-900',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 pressed:bg-slate-100',
  ghost: 'text-slate-700 hover:bg-slate-100 pressed:bg-slate-200',
  danger: 'bg-red-700 text-white hover:bg-red-800 pressed:bg-red-900',
  dangerQuiet: 'border border-red-200 bg-white text-red-700 hover:bg-red-50 pressed:bg-red-100',
};

export type ButtonProps = Omit<AriaButtonProps, 'className' | 'isPending'> & {
  variant?: ButtonVariant;
  className?: string;
  /** Busy: the button stays focusable but does nothing; give it a busy label ("جارٍ الحفظ…") meanwhile. */
  isPending?: boolean;
};

/**
 * React Aria button with the Wasl look. Pending is handled here rather than by React Aria's `isPending`, whose
 * live announcement outlives a button that unmounts (sign-in) and leaves a dangling aria reference behind.
 */
export function Button({ variant = 'secondary', className, isPending, onPress, type, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      type={isPending && type === 'submit' ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending ? true : undefined}
      data-pending={isPending ? true : undefined}
      className={cx(base, variants[variant], className)}
    />
  );
}

/** The same look for plain elements (e.g. a router link styled as a button). */
export function buttonClass(variant: ButtonVariant = 'secondary', className?: string): string {
  return cx(base, variants[variant], className);
}
