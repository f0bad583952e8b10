import type { Role } from '../../../common/domain/roles';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { beforeAfter } from '../audit/diff';
import { hashPassword } from '../auth/passwords';
import { deleteUserSessions, updatePasswordHash } from '../auth/queries';
import { branchExists, getUser, insertUser, updateUser, usernameExists } from './queries';

async function requireBranch(deps: Deps, orgId: string, branchId: string | null | undefined) {
  if (branchId && !(await branchExists(deps.db, orgId, branchId))) throw new AppError('user.branch_not_found');
}

export async function createUser(
  deps: Deps,
  admin: SessionUser,
  input: { username: string; displayName: string; password: string; role: Role; branchId: string | null },
  meta: RequestMeta,
) {
  await requireBranch(deps, admin.orgId, input.branchId);
  if (await usernameExists(deps.db, input.username)) throw new AppError('user.username_taken');
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const row = await insertUser(tx, { ...input, orgId: admin.orgId, passwordHash });
    await writeAudit(tx, admin, meta, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      details: { role: row.role, branchId: row.branchId },
    });
    return row;
  });
}

/** Re-role, move branch, disable or require TOTP. Disabling ends every session of that user at once. */
export async function updateUserByAdmin(
  deps: Deps,
  admin: SessionUser,
  id: string,
  changes: { displayName?: string; role?: Role; branchId?: string | null; disabled?: boolean; totpRequired?: boolean },
  meta: RequestMeta,
) {
  const target = await getUser(deps.db, admin.orgId, id);
  if (!target) throw new AppError('user.not_found');
  authorize(admin, 'users.manage', { orgId: target.orgId });
  if (target.id === admin.id && (changes.disabled === true || (changes.role && changes.role !== admin.role))) {
    throw new AppError('user.cannot_disable_self');
  }
  await requireBranch(deps, admin.orgId, changes.branchId);
  return deps.db.transaction(async (tx) => {
    const row = await updateUser(tx, admin.orgId, id, changes);
    if (!row) throw new AppError('user.not_found');
    if (changes.disabled) await deleteUserSessions(tx, id);
    await writeAudit(tx, admin, meta, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      details: { ...changes, ...beforeAfter(target, changes) },
    });
    return row;
  });
}

/** An admin sets a new password: all of that user's sessions end. */
export async function resetPasswordByAdmin(
  deps: Deps,
  admin: SessionUser,
  id: string,
  newPassword: string,
  meta: RequestMeta,
) {
  const target = await getUser(deps.db, admin.orgId, id);
  if (!target) throw new AppError('user.not_found');
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction(async (tx) => {
    await updatePasswordHash(tx, id, passwordHash);
    await deleteUserSessions(tx, id);
    await writeAudit(tx, admin, meta, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}
