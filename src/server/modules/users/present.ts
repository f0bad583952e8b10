import type { Role } from '../../../common/domain/roles';
import type { UserRow } from './queries';

export function presentUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    branchId: row.branchId,
    disabled: row.disabled,
    totpRequired: row.totpRequired,
    totpEnabled: row.totpEnabled,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
