import type { ReactNode } from 'react';
import { cx } from './cx';

const layouts = {
  /** Main column: up to three facts in a row. */
  wide: 'sm:grid-cols-2 lg:grid-cols-3',
  /** A side column: two in a row on a tablet, one under another beside the main column on desktop. */
  narrow: 'sm:grid-cols-2 lg:grid-cols-1',
};

/** A list of labelled facts (a description list), in a responsive grid. */
export function Facts({
  children,
  layout = 'wide',
  className,
}: {
  children: ReactNode;
  layout?: keyof typeof layouts;
  className?: string;
}) {
  return <dl className={cx('grid gap-x-6 gap-y-3', layouts[layout], className)}>{children}</dl>;
}

export function Fact({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={cx('min-w-0', className)}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}
