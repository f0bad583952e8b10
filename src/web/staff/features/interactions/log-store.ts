import { useSyncExternalStore } from 'react';
import type { ChosenBeneficiary } from './ContactChooser';

/**
 * Whether the "log a contact" dialog is open, and for whom: the header button opens it empty, a beneficiary's file
 * opens it with the file chosen. One dialog for the whole app, owned by the shell.
 */
export type LogRequest = { beneficiary?: ChosenBeneficiary };

let current: LogRequest | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function openLogInteraction(request: LogRequest = {}): void {
  current = request;
  emit();
}

export function closeLogInteraction(): void {
  current = null;
  emit();
}

export function useLogRequest(): LogRequest | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
    () => null,
  );
}
