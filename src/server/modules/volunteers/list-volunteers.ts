import type { Deps, SessionUser } from '../../http/context';
import { listVolunteerRows } from './queries';

export async function listVolunteers(deps: Deps, user: SessionUser) {
  const rows = await listVolunteerRows(deps.db, user.orgId);
  return {
    items: rows.map((r) => ({ ...r, totalHours: Number(r.totalHours), createdAt: r.createdAt.toISOString() })),
  };
}
