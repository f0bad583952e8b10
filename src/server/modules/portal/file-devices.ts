import type { Deps, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { listActiveDevices } from './queries';

/** What kind of phone or computer a browser says it is, for staff to tell two devices apart; never the raw text. */
export type DeviceKind = 'iphone' | 'android' | 'computer' | 'other';

export function deviceKind(userAgent: string | null): DeviceKind {
  if (!userAgent) return 'other';
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'iphone';
  if (/Android/i.test(userAgent)) return 'android';
  if (/Windows|Macintosh|X11|Linux|CrOS/i.test(userAgent)) return 'computer';
  return 'other';
}

/** The file's numbers (main and second): the portal remembers phones per verified number, not per file. */
export function fileMobiles(file: { mobile: string; mobile2: string | null }): string[] {
  return [file.mobile, file.mobile2].filter((m): m is string => Boolean(m));
}

/**
 * The phones the portal still remembers for tracking this file's applications (issue 16): those verified with
 * one of the file's numbers, not revoked and not expired. Whoever may read the file may see them.
 */
export async function listFileDevices(deps: Deps, user: SessionUser, beneficiaryId: string) {
  const file = await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.read');
  const rows = await listActiveDevices(deps.db, user.orgId, fileMobiles(file));
  return {
    items: rows.map((r) => ({
      id: r.id,
      mobile: r.mobile,
      kind: deviceKind(r.userAgent),
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      expiresAt: r.expiresAt.toISOString(),
    })),
  };
}
