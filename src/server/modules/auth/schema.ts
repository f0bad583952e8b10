import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN, ROLES } from '../../../common/domain/roles';
import { ACTIONS } from '../../policy';

export const loginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX),
  totp: z.string().max(12).optional(),
  /** Instead of a TOTP code: one of the account's one-time recovery codes. */
  recoveryCode: z.string().max(20).optional(),
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  branchId: z.uuid().nullable(),
  orgId: z.uuid(),
  preferences: z.object({ locale: z.enum(['ar', 'en']), digits: z.enum(['arab', 'latn']) }),
  permissions: z.array(z.enum(ACTIONS as [string, ...string[]])),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  mustChangePassword: z.boolean(),
});

export const sessionResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const newPasswordSchema = z.string().min(PASSWORD_MIN, { message: 'field.password_length' }).max(PASSWORD_MAX);

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: newPasswordSchema,
});

export const totpSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth: link as a QR code (an SVG data: URL), drawn by the server. */
  qrDataUrl: z.string(),
});
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const recoveryStatusResponse = z.object({ totpEnabled: z.boolean(), unusedRecoveryCodes: z.number().int() });
export const totpCodeBody = z.strictObject({ code: z.string().min(6).max(12) });
