import { useEffect, useRef } from 'react';

/**
 * A desk shortcut, Alt + a letter ("Alt+N" new registration), active while the page is shown — also while typing
 * in the search box, which has focus when the page opens. `code` is the physical key (KeyboardEvent.code, e.g.
 * "KeyN"), so it is the same key with the Arabic keyboard layout. Never a single letter alone, which would fire
 * while someone types or dictates (WCAG 2.1.4). Ignored while a dialog is open.
 */
export function useKeyboardShortcut(code: string, onPress: () => void, enabled = true): void {
  const handler = useRef(onPress);
  handler.current = onPress;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.code !== code || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.repeat || document.querySelector('[role="dialog"],[role="alertdialog"]')) return;
      event.preventDefault();
      handler.current();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [code, enabled]);
}
