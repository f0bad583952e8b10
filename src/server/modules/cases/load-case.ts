import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getCase } from './queries';

/** Loads a case the user may work on: same organisation; a branch representative only their branch's. */
export async function loadCaseFor(deps: Deps, user: SessionUser, id: string, action: 'cases.read' | 'cases.work') {
  const row = await getCase(deps.db, user.orgId, id);
  if (!row) throw new AppError('case.not_found');
  authorize(user, action, { orgId: row.orgId, ...(user.role === 'branch_rep' ? { branchId: row.branchId } : {}) });
  return row;
}
