import { riyadhDate } from '../../../common/dates';
import type { Deps, SessionUser } from '../../http/context';
import { fullName } from '../beneficiaries';
import { runningLegalHolds } from './queries';

export async function listLegalHolds(deps: Deps, user: SessionUser) {
  const rows = await runningLegalHolds(deps.db, user.orgId, riyadhDate(new Date()));
  return {
    items: rows.map((r) => ({
      id: r.id,
      fileNumber: r.fileNumber,
      name: fullName(r),
      until: r.until!,
      reason: r.reason,
    })),
  };
}
