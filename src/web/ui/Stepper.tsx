import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { useFormat } from '../lib/display';
import { cx } from './cx';

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';
export type Step = { id: string; label: ReactNode; state: StepState; hint?: ReactNode };

/**
 * Where the person is in a workflow: the policy's steps in order, numbered, the current one marked for screen
 * readers (aria-current="step"). Vertical on a phone, a row from 640 px up.
 */
export function Stepper({ label, steps, className }: { label: string; steps: readonly Step[]; className?: string }) {
  const format = useFormat();
  return (
    <nav aria-label={label} className={className}>
      <ol className="flex flex-col gap-2 sm:flex-row sm:gap-0">
        {steps.map((step, index) => (
          <li
            key={step.id}
            aria-current={step.state === 'current' ? 'step' : undefined}
            className="flex min-w-0 flex-1 items-start gap-2 sm:flex-col sm:items-center sm:text-center"
          >
            <div className="flex items-center sm:w-full">
              <span
                aria-hidden="true"
                className={cx(
                  'hidden h-0.5 flex-1 sm:block',
                  index === 0 ? 'invisible' : step.state === 'upcoming' ? 'bg-slate-200' : 'bg-brand-600',
                )}
              />
              <span
                aria-hidden="true"
                className={cx(
                  'flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold',
                  step.state === 'done' && 'border-brand-700 bg-brand-700 text-white',
                  step.state === 'current' && 'border-brand-700 bg-white text-brand-800 ring-4 ring-brand-100',
                  step.state === 'upcoming' && 'border-slate-300 bg-white text-slate-600',
                  step.state === 'skipped' && 'border-dashed border-slate-300 bg-slate-50 text-slate-500',
                )}
              >
                {step.state === 'done' ? <Check className="size-4" strokeWidth={3} /> : format.number(index + 1)}
              </span>
              <span
                aria-hidden="true"
                className={cx(
                  'hidden h-0.5 flex-1 sm:block',
                  index === steps.length - 1
                    ? 'invisible'
                    : steps[index + 1]?.state === 'upcoming'
                      ? 'bg-slate-200'
                      : 'bg-brand-600',
                )}
              />
            </div>
            <div className="min-w-0 pt-1 sm:px-1">
              <div
                className={cx(
                  'text-sm leading-snug',
                  step.state === 'current' ? 'font-bold text-slate-900' : 'text-slate-700',
                  step.state === 'skipped' && 'text-slate-500',
                )}
              >
                {step.label}
              </div>
              {step.hint ? <div className="text-xs text-slate-600">{step.hint}</div> : null}
            </div>
          </li>
        ))}
      </ol>
    </nav>
  );
}
