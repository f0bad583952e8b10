import type { FormEvent } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';
import { cx } from './cx';
import { descriptionClass, FieldError, inputClass, labelClass } from './fields';

/**
 * Once an error shows, refresh it while the person types (as `TextField` does): otherwise it clears on blur, and
 * when that blur is a press on the submit button the layout shifts and the press is lost.
 */
function refreshShownError(event: FormEvent<HTMLTextAreaElement>) {
  const input = event.currentTarget;
  if (input.getAttribute('aria-invalid') === 'true') input.dispatchEvent(new Event('change', { bubbles: true }));
}

export type TextAreaFieldProps = Omit<AriaTextFieldProps, 'className'> & {
  label: string;
  description?: string;
  errorMessage?: string;
  placeholder?: string;
  rows?: number;
  className?: string;
};

/** A labelled multi-line text input (notes, reasons) with its help and error under it. */
export function TextAreaField({
  label,
  description,
  errorMessage,
  placeholder,
  rows = 3,
  className,
  ...props
}: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} className={cx('flex flex-col gap-1', className)}>
      <Label className={labelClass}>{label}</Label>
      <TextArea
        rows={rows}
        placeholder={placeholder}
        onInput={refreshShownError}
        className={cx(inputClass, 'resize-y leading-relaxed')}
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
