import type { ReactNode } from 'react';
import { type Key, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { cx } from './cx';

export type Segment = { id: string; label: ReactNode; tone?: 'neutral' | 'success' | 'warning' | 'danger' | 'info' };

const selectedTone: Record<NonNullable<Segment['tone']>, string> = {
  neutral: 'data-[selected]:border-slate-600 data-[selected]:bg-slate-100 data-[selected]:text-slate-900',
  info: 'data-[selected]:border-brand-700 data-[selected]:bg-brand-50 data-[selected]:text-brand-900',
  success: 'data-[selected]:border-emerald-700 data-[selected]:bg-emerald-50 data-[selected]:text-emerald-900',
  warning: 'data-[selected]:border-amber-700 data-[selected]:bg-amber-50 data-[selected]:text-amber-900',
  danger: 'data-[selected]:border-red-700 data-[selected]:bg-red-50 data-[selected]:text-red-900',
};

/**
 * One choice among a few, all visible at once (React Aria ToggleButtonGroup, single selection). The chosen one
 * carries a tick as well as a colour. Wraps onto more lines on a phone.
 */
export function SegmentedControl({
  label,
  segments,
  value,
  onChange,
  isDisabled,
  className,
}: {
  label: string;
  segments: readonly Segment[];
  value: string;
  onChange: (value: string) => void;
  isDisabled?: boolean;
  className?: string;
}) {
  return (
    <ToggleButtonGroup
      aria-label={label}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      isDisabled={isDisabled}
      onSelectionChange={(keys: Set<Key>) => {
        const [first] = keys;
        if (first !== undefined) onChange(String(first));
      }}
      className={cx('flex flex-wrap gap-1.5', className)}
    >
      {segments.map((segment) => (
        <ToggleButton
          key={segment.id}
          id={segment.id}
          className={cx(
            'group inline-flex min-h-10 cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700',
            'hover:border-slate-400 data-[selected]:font-medium data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60',
            selectedTone[segment.tone ?? 'info'],
          )}
        >
          <span
            aria-hidden="true"
            className="hidden size-1.5 rounded-full bg-current group-data-[selected]:inline-block"
          />
          {segment.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
