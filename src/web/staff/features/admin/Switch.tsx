import type { ReactNode } from 'react';
import { Switch as AriaSwitch, type SwitchProps as AriaSwitchProps } from 'react-aria-components';
import { cx } from '../../../ui/cx';

/**
 * On/off for a setting that takes effect at once (React Aria Switch: a checkbox with role="switch"). The thumb
 * sits at the end of the line when on (in either direction); the words beside it say the state too.
 */
export function Switch({
  children,
  className,
  ...props
}: Omit<AriaSwitchProps, 'children' | 'className'> & { children: ReactNode; className?: string }) {
  return (
    <AriaSwitch
      {...props}
      className={cx(
        'group inline-flex min-h-10 cursor-pointer items-center gap-2 text-sm text-slate-800',
        'data-[disabled]:cursor-not-allowed data-[disabled]:opacity-70',
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          'flex h-6 w-11 shrink-0 items-center justify-start rounded-full bg-slate-500 px-1 transition-colors',
          'group-data-[selected]:justify-end',
          'group-data-[selected]:bg-brand-700 group-data-[focus-visible]:outline-2 group-data-[focus-visible]:outline-offset-2',
          'group-data-[focus-visible]:outline-brand-600',
        )}
      >
        <span className="size-4 rounded-full bg-white shadow" />
      </span>
      {children}
    </AriaSwitch>
  );
}
