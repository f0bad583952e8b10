import type { Auth } from '../../http/context';
import { permissionsOf } from '../../policy';

export function presentSession(auth: Auth) {
  const u = auth.user;
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      branchId: u.branchId,
      orgId: u.orgId,
      preferences: { locale: u.locale, digits: u.digits },
      permissions: permissionsOf(u.role),
      totpEnabled: u.totpEnabled,
      totpRequired: u.totpRequired,
      mustChangePassword: u.mustChangePassword,
    },
    csrfToken: auth.csrfToken,
  };
}
