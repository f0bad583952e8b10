import { z } from 'zod';
import { PASSWORD_MAX, ROLES, USERNAME_PATTERN } from '../../../common/domain/roles';
import { newPasswordSchema } from '../auth';

const displayName = z.string().trim().min(2).max(120);

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  branchId: z.uuid().nullable(),
  disabled: z.boolean(),
  totpRequired: z.boolean(),
  totpEnabled: z.boolean(),
  /** An admin set the password; the user must choose a new one at next sign-in. */
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** In the list: the account is under attack (many failed sign-ins in the window; docs/decisions/017). */
  signInAlert: z.boolean().optional(),
});

export const listUsersQuery = z.strictObject({
  /** Part of the username or the display name. */
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  branchId: z.uuid().optional(),
  twoStep: z.enum(['on', 'off']).optional(),
});

export const createUserBody = z.strictObject({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { message: 'field.username' }),
  displayName,
  password: newPasswordSchema,
  role: z.enum(ROLES),
  branchId: z.uuid().nullable(),
});

export const updateUserBody = z
  .strictObject({
    displayName: displayName.optional(),
    role: z.enum(ROLES).optional(),
    branchId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
    totpRequired: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });

export const resetPasswordBody = z.strictObject({
  newPassword: newPasswordSchema,
  /** Required when the admin changes their own password through this route. */
  currentPassword: z.string().min(1).max(PASSWORD_MAX).optional(),
});

export const preferencesBody = z.strictObject({
  locale: z.enum(['ar', 'en']).optional(),
  digits: z.enum(['arab', 'latn']).optional(),
});
export const preferencesResponse = z.object({
  preferences: z.object({ locale: z.enum(['ar', 'en']), digits: z.enum(['arab', 'latn']) }),
});

export const branchSchema = z.object({ id: z.uuid(), code: z.string(), nameAr: z.string(), nameEn: z.string() });
export const organizationSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  logoUrl: z.string().nullable(),
});
