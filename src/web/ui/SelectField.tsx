import { ChevronDown } from 'lucide-react';
import {
  Button as AriaButton,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  type SelectProps,
  SelectValue,
  Text,
} from 'react-aria-components';
import { cx } from './cx';
import { descriptionClass, FieldError, inputClass, labelClass } from './fields';

export type SelectOption = { id: string; label: string };

export type SelectFieldProps = Omit<SelectProps<SelectOption>, 'className' | 'children' | 'value' | 'onChange'> & {
  label: string;
  options: readonly SelectOption[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  description?: string;
  errorMessage?: string;
  className?: string;
};

/** A labelled single-choice list (React Aria Select): keyboard, screen reader and right-to-left aware. */
export function SelectField({
  label,
  options,
  value,
  onChange,
  description,
  errorMessage,
  className,
  ...props
}: SelectFieldProps) {
  return (
    <Select
      {...props}
      value={value}
      onChange={(key: Key | null) => onChange?.(key === null ? null : String(key))}
      className={cx('flex flex-col gap-1', className)}
    >
      <Label className={labelClass}>{label}</Label>
      <AriaButton className={cx(inputClass, 'flex cursor-pointer items-center justify-between gap-2 text-start')}>
        <SelectValue className="truncate data-[placeholder]:text-slate-500" />
        <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-slate-600" />
      </AriaButton>
      {description ? (
        <Text slot="description" className={descriptionClass}>
          {description}
        </Text>
      ) : null}
      <FieldError>{errorMessage}</FieldError>
      <Popover className="max-h-72 min-w-(--trigger-width) overflow-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ListBox items={options} className="outline-none">
          {(item) => (
            <ListBoxItem
              id={item.id}
              textValue={item.label}
              className={cx(
                'flex min-h-9 cursor-pointer items-center rounded px-3 py-1.5 text-sm text-slate-800 outline-none',
                'data-[focused]:bg-brand-50 data-[selected]:font-medium data-[selected]:text-brand-800',
              )}
            >
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
