import { toLatinDigits } from '../../../common/arabic';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta } from '../../http/context';
import { claimTotpStep, countUnusedRecoveryCodes, getCredentials, replaceRecoveryCodes, updateTotp } from './queries';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { checkTotp, newTotpSecret, totpQrDataUrl, totpUri } from './totp';

const ISSUER = 'Wasl';

/** Step 1: a new secret is stored (not yet enabled) and returned once, as text, an otpauth: link and a QR code. */
export async function startTotpSetup(deps: Deps, auth: Auth) {
  const secret = newTotpSecret();
  await updateTotp(deps.db, auth.user.id, { totpSecret: secret, totpEnabled: false, totpLastStep: null });
  const otpauthUrl = totpUri(secret, auth.user.username, ISSUER);
  return { secret, otpauthUrl, qrDataUrl: await totpQrDataUrl(otpauthUrl) };
}

/** A current code of the account's secret, used once (its time step is claimed so it cannot be replayed). */
async function requireCode(deps: Deps, user: { id: string; orgId: string }, secret: string, code: string) {
  const step = await checkTotp(secret, toLatinDigits(code.trim()));
  if (step === null) throw new AppError('auth.totp_invalid');
  if (!(await claimTotpStep(deps.db, user.orgId, user.id, step))) throw new AppError('auth.totp_reused');
}

/** Step 2: a correct code from the app turns the second factor on and gives the one-time recovery codes. */
export async function confirmTotp(deps: Deps, auth: Auth, code: string, meta: RequestMeta) {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (creds?.totpEnabled) throw new AppError('auth.totp_already_enabled');
  if (!creds?.totpSecret) throw new AppError('auth.totp_not_setup');
  await requireCode(deps, auth.user, creds.totpSecret, code);
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    await updateTotp(tx, auth.user.id, { totpSecret: creds.totpSecret, totpEnabled: true });
    await replaceRecoveryCodes(tx, auth.user.orgId, auth.user.id, codes.map(hashRecoveryCode));
    await writeAudit(tx, auth.user, meta, {
      action: 'user.totp_enabled',
      entityType: 'user',
      entityId: auth.user.id,
      details: { before: { totpEnabled: false }, after: { totpEnabled: true } },
    });
  });
  return { recoveryCodes: codes };
}

/** New recovery codes for a lost or used-up set; needs a current code. The old codes stop working. */
export async function regenerateRecoveryCodes(deps: Deps, auth: Auth, code: string, meta: RequestMeta) {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (!creds?.totpSecret || !creds.totpEnabled) throw new AppError('auth.totp_not_setup');
  await requireCode(deps, auth.user, creds.totpSecret, code);
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    const before = await countUnusedRecoveryCodes(tx, auth.user.orgId, auth.user.id);
    await replaceRecoveryCodes(tx, auth.user.orgId, auth.user.id, codes.map(hashRecoveryCode));
    await writeAudit(tx, auth.user, meta, {
      action: 'user.recovery_codes_regenerated',
      entityType: 'user',
      entityId: auth.user.id,
      details: { before: { unusedRecoveryCodes: before }, after: { unusedRecoveryCodes: codes.length } },
    });
  });
  return { recoveryCodes: codes };
}

/** Turning it off needs a current code, and is refused when an admin requires it. */
export async function disableTotp(deps: Deps, auth: Auth, code: string, meta: RequestMeta) {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (creds?.totpRequired) throw new AppError('auth.totp_mandatory');
  if (!creds?.totpSecret || !creds.totpEnabled) throw new AppError('auth.totp_not_setup');
  await requireCode(deps, auth.user, creds.totpSecret, code);
  await deps.db.transaction(async (tx) => {
    await updateTotp(tx, auth.user.id, { totpSecret: null, totpEnabled: false, totpLastStep: null });
    await replaceRecoveryCodes(tx, auth.user.orgId, auth.user.id, []);
    await writeAudit(tx, auth.user, meta, {
      action: 'user.totp_disabled',
      entityType: 'user',
      entityId: auth.user.id,
      details: { before: { totpEnabled: true }, after: { totpEnabled: false } },
    });
  });
}
