// The text field apart from the other field kinds (fields.tsx re-exports it): the sign-in page needs only this one,
// and React Aria's checkbox code stays out of the staff app's first download (issue 19).
import type { FormEvent, ReactNode, Ref } from 'react';
import {
  FieldError as AriaFieldError,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Input,
  type InputProps,
  Label,
  Text,
} from 'react-aria-components';
import { cx } from './cx';

export const labelClass = 'text-sm font-medium text-slate-800';
export const descriptionClass = 'text-xs text-slate-600';
export const inputClass =
  'block w-full min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 ' +
  'placeholder:text-slate-500 focus:border-brand-700 ' +
  'data-[invalid]:border-red-700 data-[disabled]:bg-slate-100 data-[disabled]:text-slate-500';

export function FieldError({ children }: { children?: ReactNode }) {
  return <AriaFieldError className="text-xs font-medium text-red-700">{children}</AriaFieldError>;
}

/**
 * React Aria refreshes a field's shown error on the native `change` event, which fires on blur. When the blur
 * comes from pressing the submit button, the error vanishing shifts the button away from under the pointer
 * and the click is lost. So once an error shows, refresh it while the person types.
 */
function refreshShownError(event: FormEvent<HTMLInputElement>) {
  const input = event.currentTarget;
  if (input.getAttribute('aria-invalid') === 'true') input.dispatchEvent(new Event('change', { bubbles: true }));
}

export type TextFieldProps = Omit<AriaTextFieldProps, 'className'> & {
  label: string;
  description?: string;
  errorMessage?: string;
  placeholder?: string;
  /** Text typed left to right even in the Arabic interface: usernames, codes, passwords. */
  ltr?: boolean;
  inputProps?: Omit<InputProps, 'className'> & { [data: `data-${string}`]: string };
  inputRef?: Ref<HTMLInputElement>;
  inputClassName?: string;
  className?: string;
};

/** A labelled text input with its help text and error right under it. */
export function TextField({
  label,
  description,
  errorMessage,
  placeholder,
  ltr,
  inputProps,
  inputRef,
  inputClassName,
  className,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className={cx('flex flex-col gap-1', className)}>
      <Label className={labelClass}>{label}</Label>
      <Input
        {...inputProps}
        onInput={refreshShownError}
        ref={inputRef}
        placeholder={placeholder}
        dir={ltr ? 'ltr' : undefined}
        className={cx(inputClass, inputClassName)}
      />
      {description ? (
        <Text slot="description" className={descriptionClass}>
          {description}
        </Text>
      ) : null}
      <FieldError>{errorMessage}</FieldError>
    </AriaTextField>
  );
}
