import { cx } from './cx';

/** A keyboard key as shown in a button's hint; hidden from screen readers (aria-keyshortcuts says it). */
export function Kbd({ children, className }: { children: string; className?: string }) {
  return (
    <span aria-hidden="true" className={cx('hidden sm:inline-block', className)}>
      <kbd className="rounded border border-current/40 px-1.5 font-sans text-xs leading-5 opacity-90">{children}</kbd>
    </span>
  );
}
