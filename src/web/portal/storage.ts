/**
 * What the portal keeps on the device. Drafts go to localStorage so a dropped connection or a closed tab loses
 * nothing; answers meant for this visit only (a reference just issued, an upload permission) go to
 * sessionStorage. One-time codes are never stored anywhere.
 */
type Area = 'local' | 'session';

function area(kind: Area): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readStored<T>(key: string, kind: Area = 'local'): T | null {
  try {
    const text = area(kind)?.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown, kind: Area = 'local'): void {
  try {
    area(kind)?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the form still works, it just cannot be restored.
  }
}

export function removeStored(key: string, kind: Area = 'local'): void {
  try {
    area(kind)?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

export const KEYS = {
  applyDraft: 'wasl.portal.apply.v1',
  applyDone: 'wasl.portal.applyDone.v1',
  contactDraft: 'wasl.portal.contact.v1',
  contactDone: 'wasl.portal.contactDone.v1',
  info: 'wasl.portal.info.v2',
  org: 'wasl.portal.org.v1',
  /** Only whether the portal's font has been loaded on this device before (fonts.ts). */
  fonts: 'wasl.portal.fonts.v1',
} as const;
