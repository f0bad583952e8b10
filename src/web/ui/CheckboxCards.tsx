import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { Checkbox, CheckboxGroup, type CheckboxGroupProps, Label } from 'react-aria-components';
import { cx } from './cx';
import { FieldError, labelClass } from './fields';

export type CheckboxCard = { id: string; title: ReactNode; body?: ReactNode };

/** Several choices shown as cards, each with a tick box and details (e.g. services with their documents). */
export function CheckboxCards({
  label,
  cards,
  className,
  ...props
}: Omit<CheckboxGroupProps, 'className' | 'children'> & {
  label: string;
  cards: readonly CheckboxCard[];
  className?: string;
}) {
  return (
    <CheckboxGroup {...props} className={cx('flex flex-col gap-2', className)}>
      <Label className={labelClass}>{label}</Label>
      <div className="grid gap-3 sm:grid-cols-2">
        {cards.map((card) => (
          <Checkbox
            key={card.id}
            value={card.id}
            className={cx(
              'group flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-4',
              'data-[hovered]:border-brand-400 data-[selected]:border-brand-700 data-[selected]:bg-brand-50/60',
              'data-[focus-visible]:outline-2 data-[focus-visible]:outline-brand-600',
            )}
          >
            <span
              aria-hidden="true"
              className={cx(
                'mt-0.5 flex size-5 shrink-0 items-center justify-center rounded border border-slate-500 bg-white',
                'group-data-[selected]:border-brand-700 group-data-[selected]:bg-brand-700',
              )}
            >
              <Check className="size-3.5 text-white opacity-0 group-data-[selected]:opacity-100" strokeWidth={3} />
            </span>
            <span className="flex min-w-0 flex-col gap-1">
              <span className="font-bold text-slate-900">{card.title}</span>
              {card.body ? <span className="text-slate-700">{card.body}</span> : null}
            </span>
          </Checkbox>
        ))}
      </div>
      <FieldError />
    </CheckboxGroup>
  );
}
