import type { Deps, SessionUser } from '../../http/context';
import { listStaffByRole } from '../users';
import { OWNER_ROLES } from './get-case';

/** Who a case can be given to. */
export async function listCaseOwners(deps: Deps, user: SessionUser) {
  return { items: await listStaffByRole(deps.db, user.orgId, [...OWNER_ROLES]) };
}
