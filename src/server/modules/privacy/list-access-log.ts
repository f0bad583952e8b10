import { ACCESS_ACTIONS } from '../../../common/api/privacy';
import type { Deps, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { accessLogRows } from './queries';

/** Who opened the file (PDPL: access to full files is logged), newest first. */
export async function listAccessLog(deps: Deps, user: SessionUser, id: string) {
  await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  const rows = await accessLogRows(deps.db, user.orgId, id, ACCESS_ACTIONS);
  return {
    items: rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      action: r.action as (typeof ACCESS_ACTIONS)[number],
      name: r.name ?? null,
      role: r.role ?? null,
    })),
  };
}
