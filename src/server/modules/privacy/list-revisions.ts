import type { Deps, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { revisionsOf } from './queries';

/** The corrections made to a file, newest first, each with who made it and why. */
export async function listRevisions(deps: Deps, user: SessionUser, id: string) {
  await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  const rows = await revisionsOf(deps.db, user.orgId, id);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
