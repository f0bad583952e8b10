import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta } from '../../http/context';
import { hashPassword, verifyPassword } from './passwords';
import { deleteUserSessions, getCredentials, updatePasswordHash } from './queries';

/** The user's own password change: every other session of theirs ends; this one stays. */
export async function changePassword(
  deps: Deps,
  auth: Auth,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (!creds || !(await verifyPassword(creds.passwordHash, input.currentPassword))) {
    throw new AppError('auth.wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await updatePasswordHash(tx, auth.user.id, passwordHash);
    await deleteUserSessions(tx, auth.user.id, auth.sessionId);
    await writeAudit(tx, auth.user, meta, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: auth.user.id,
    });
  });
}
