import { type AnchorHTMLAttributes, useSyncExternalStore } from 'react';

/** The portal's routing: plain paths under /portal, the browser's history, nothing more. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname.replace(/\/+$/, '') || '/');
}

/** Goes to a portal page; `state` carries data to prefill it (a reference just issued, a subject). */
export function navigate(to: string, state: Record<string, unknown> | null = null): void {
  window.history.pushState(state, '', to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** What the page was opened with, if anything (see `navigate`). */
export function pageState<T extends Record<string, unknown>>(): Partial<T> {
  const state = window.history.state as unknown;
  return typeof state === 'object' && state !== null ? (state as Partial<T>) : {};
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; state?: Record<string, unknown> };

export function Link({ to, state, onClick, ...props }: LinkProps) {
  return (
    <a
      {...props}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to, state ?? null);
      }}
    />
  );
}
