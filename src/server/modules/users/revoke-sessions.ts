import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { revokeUserSessions } from '../auth';
import { getUser } from './queries';

/**
 * An admin ends every session of someone else (a lost or shared phone, a representative who left). Their devices
 * are refused from the next request with the reason (auth.session_revoked), so a field phone clears what it holds.
 */
export async function revokeSessionsByAdmin(deps: Deps, admin: SessionUser, id: string, meta: RequestMeta) {
  const target = await getUser(deps.db, admin.orgId, id);
  if (!target) throw new AppError('user.not_found');
  if (target.id === admin.id) throw new AppError('user.use_profile_for_self');
  return deps.db.transaction(async (tx) => {
    const revoked = await revokeUserSessions(tx, admin.orgId, id, new Date());
    await writeAudit(tx, admin, meta, {
      action: 'user.sessions_revoked',
      entityType: 'user',
      entityId: id,
      details: { sessions: revoked },
    });
    return { revoked };
  });
}
