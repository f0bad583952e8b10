import type { Role } from '../../../common/domain/roles';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { beforeAfter } from '../audit';
import {
  changePassword,
  countUnusedRecoveryCodes,
  deleteUserSessions,
  hashPassword,
  replaceRecoveryCodes,
  updatePasswordHash,
  updateTotp,
} from '../auth';
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

type UserChanges = {
  displayName?: string;
  role?: Role;
  branchId?: string | null;
  disabled?: boolean;
  totpRequired?: boolean;
};

/** Re-role, move branch, disable or require TOTP. Disabling ends every session of that user at once. */
export async function updateUserByAdmin(
  deps: Deps,
  admin: SessionUser,
  id: string,
  changes: UserChanges,
  meta: RequestMeta,
) {
  const target = await getUser(deps.db, admin.orgId, id);
  if (!target) throw new AppError('user.not_found');
  authorize(admin, 'users.manage', { orgId: target.orgId });
  if (target.id === admin.id && (changes.disabled === true || (changes.role && changes.role !== admin.role))) {
    throw new AppError('user.cannot_disable_self');
  }
  await requireBranch(deps, admin.orgId, changes.branchId);
  const keys = Object.keys(changes) as (keyof UserChanges)[];
  const before = Object.fromEntries(keys.map((k) => [k, target[k]]));
  return deps.db.transaction(async (tx) => {
    const row = await updateUser(tx, admin.orgId, id, changes);
    if (!row) throw new AppError('user.not_found');
    if (changes.disabled) await deleteUserSessions(tx, admin.orgId, id);
    const after = Object.fromEntries(keys.map((k) => [k, row[k]]));
    await writeAudit(tx, admin, meta, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      // Only the fields whose value changed (the audit convention).
      details: beforeAfter(before, after),
    });
    return row;
  });
}

/**
 * An admin sets a new password for someone else: all of that user's sessions end and they must choose their own
 * password at next sign-in. For the admin's own account this is a password change like the profile's: the
 * current password is required (issue 14, finding 7), and a refusal is audited.
 */
export async function resetPasswordByAdmin(
  deps: Deps,
  auth: Auth,
  id: string,
  input: { newPassword: string; currentPassword?: string | undefined },
  meta: RequestMeta,
) {
  const admin = auth.user;
  const target = await getUser(deps.db, admin.orgId, id);
  if (!target) throw new AppError('user.not_found');
  if (target.id === admin.id) {
    if (!input.currentPassword) {
      await writeAudit(deps.db, admin, meta, {
        action: 'user.password_change_refused',
        entityType: 'user',
        entityId: admin.id,
        details: { reason: 'current_password_missing', via: 'admin_route' },
      });
      throw new AppError('auth.current_password_required');
    }
    await changePassword(
      deps,
      auth,
      { currentPassword: input.currentPassword, newPassword: input.newPassword },
      meta,
      'admin_route',
    );
    return;
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await updatePasswordHash(tx, id, passwordHash, true);
    await deleteUserSessions(tx, admin.orgId, id);
    await writeAudit(tx, admin, meta, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      details: { before: { mustChangePassword: target.mustChangePassword }, after: { mustChangePassword: true } },
    });
  });
}

/**
 * A lost authenticator: the admin switches someone's two-step off (secret, used step and recovery codes go, their
 * sessions end). If two-step is required for them, they enrol again at their next sign-in.
 */
export async function resetTotpByAdmin(deps: Deps, admin: SessionUser, id: string, meta: RequestMeta) {
  const target = await getUser(deps.db, admin.orgId, id);
  if (!target) throw new AppError('user.not_found');
  if (target.id === admin.id) throw new AppError('user.use_profile_for_self');
  if (!target.totpEnabled) throw new AppError('user.totp_not_enabled');
  return deps.db.transaction(async (tx) => {
    const codes = await countUnusedRecoveryCodes(tx, admin.orgId, id);
    await updateTotp(tx, id, { totpSecret: null, totpEnabled: false, totpLastStep: null });
    await replaceRecoveryCodes(tx, admin.orgId, id, []);
    await deleteUserSessions(tx, admin.orgId, id);
    await writeAudit(tx, admin, meta, {
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: id,
      details: {
        before: { totpEnabled: true, unusedRecoveryCodes: codes },
        after: { totpEnabled: false, unusedRecoveryCodes: 0 },
      },
    });
    const row = await getUser(tx, admin.orgId, id);
    return row!;
  });
}
