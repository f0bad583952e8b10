import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta } from '../../http/context';
import { hashPassword, verifyPassword } from './passwords';
import { deleteUserSessions, getCredentials, updatePasswordHash } from './queries';

/**
 * The user's own password change (also the way out of a password an admin set): every other session of theirs
 * ends; this one stays. The new password must differ from the current one.
 */
export async function changePassword(
  deps: Deps,
  auth: Auth,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
  via: 'profile' | 'admin_route' = 'profile',
): Promise<void> {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (!creds || !(await verifyPassword(creds.passwordHash, input.currentPassword))) {
    await writeAudit(deps.db, auth.user, meta, {
      action: 'user.password_change_refused',
      entityType: 'user',
      entityId: auth.user.id,
      details: { reason: 'wrong_current_password', via },
    });
    throw new AppError('auth.wrong_password');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('auth.same_password');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await updatePasswordHash(tx, auth.user.id, passwordHash);
    await deleteUserSessions(tx, auth.user.orgId, auth.user.id, auth.sessionId);
    await writeAudit(tx, auth.user, meta, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: auth.user.id,
      details: {
        via,
        ...(creds.mustChangePassword
          ? { before: { mustChangePassword: true }, after: { mustChangePassword: false } }
          : {}),
      },
    });
  });
}
