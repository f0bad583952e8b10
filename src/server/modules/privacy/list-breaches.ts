import type { Breach } from '../../../common/api/privacy';
import type { Deps, SessionUser } from '../../http/context';
import { listBreachRows } from './queries';

/** The regulator must hear of a breach within 72 hours of its discovery. */
const REPORT_WITHIN_MS = 72 * 3_600_000;

export async function listBreaches(deps: Deps, user: SessionUser) {
  const rows = await listBreachRows(deps.db, user.orgId);
  const now = Date.now();
  return {
    items: rows.map(({ orgId: _o, ...b }) => ({
      ...b,
      // Only the breach routes write it, and they allow open or closed.
      status: b.status as Breach['status'],
      discoveredAt: b.discoveredAt.toISOString(),
      reportedAt: b.reportedAt?.toISOString() ?? null,
      createdAt: b.createdAt.toISOString(),
      reportDueAt: new Date(b.discoveredAt.getTime() + REPORT_WITHIN_MS).toISOString(),
      // Reported late, or not yet reported and past 72 hours.
      overdue: (b.reportedAt?.getTime() ?? now) > b.discoveredAt.getTime() + REPORT_WITHIN_MS,
    })),
  };
}
