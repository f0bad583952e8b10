import { CircleAlert, CircleCheck } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from './cx';

/**
 * A problem reported next to the form, in the server's own words. role="alert" so a screen reader hears it
 * as soon as it appears.
 */
export function ErrorAlert({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      role="alert"
      className={cx('flex items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-800', className)}
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
    </div>
  );
}

/**
 * Confirmation that something worked, announced politely. The live region stays in the page while empty so
 * screen readers notice when a message arrives.
 */
export function SuccessNotice({ children, className }: { children?: ReactNode; className?: string }) {
  const visible = children !== null && children !== undefined && children !== false && children !== '';
  return (
    <div
      role="status"
      className={
        visible
          ? cx(
              'flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-emerald-900',
              className,
            )
          : 'sr-only'
      }
    >
      {visible ? (
        <>
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <div>{children}</div>
        </>
      ) : null}
    </div>
  );
}
