import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, type CheckboxProps as AriaCheckboxProps } from 'react-aria-components';
import { cx } from './cx';

export * from './text-field';

export type CheckboxProps = Omit<AriaCheckboxProps, 'className' | 'children'> & { children: ReactNode };

export function Checkbox({ children, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className="group flex min-h-10 cursor-pointer items-center gap-2 text-sm text-slate-800">
      <span
        aria-hidden="true"
        className={cx(
          'flex size-5 shrink-0 items-center justify-center rounded border border-slate-500 bg-white',
          'group-data-[selected]:border-brand-700 group-data-[selected]:bg-brand-700',
        )}
      >
        <Check className="size-3.5 text-white opacity-0 group-data-[selected]:opacity-100" strokeWidth={3} />
      </span>
      {children}
    </AriaCheckbox>
  );
}
