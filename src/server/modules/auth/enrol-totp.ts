import { toLatinDigits } from '../../../common/arabic';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta } from '../../http/context';
import { getCredentials, updateTotp } from './queries';
import { checkTotp, newTotpSecret, totpUri } from './totp';

const ISSUER = 'Wasl';

/** Step 1: a new secret is stored (not yet enabled) and returned once for the authenticator app. */
export async function startTotpSetup(deps: Deps, auth: Auth) {
  const secret = newTotpSecret();
  await updateTotp(deps.db, auth.user.id, { totpSecret: secret, totpEnabled: false });
  return { secret, otpauthUrl: totpUri(secret, auth.user.username, ISSUER) };
}

/** Step 2: a correct code from the app turns the second factor on. */
export async function confirmTotp(deps: Deps, auth: Auth, code: string, meta: RequestMeta) {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (!creds?.totpSecret) throw new AppError('auth.totp_not_setup');
  if (!(await checkTotp(creds.totpSecret, toLatinDigits(code.trim())))) throw new AppError('auth.totp_invalid');
  await deps.db.transaction(async (tx) => {
    await updateTotp(tx, auth.user.id, { totpSecret: creds.totpSecret, totpEnabled: true });
    await writeAudit(tx, auth.user, meta, { action: 'user.totp_enabled', entityType: 'user', entityId: auth.user.id });
  });
}

/** Turning it off needs a current code, and is refused when an admin requires it. */
export async function disableTotp(deps: Deps, auth: Auth, code: string, meta: RequestMeta) {
  const creds = await getCredentials(deps.db, auth.user.id);
  if (creds?.totpRequired) throw new AppError('auth.totp_mandatory');
  if (!creds?.totpSecret || !creds.totpEnabled) throw new AppError('auth.totp_not_setup');
  if (!(await checkTotp(creds.totpSecret, toLatinDigits(code.trim())))) throw new AppError('auth.totp_invalid');
  await deps.db.transaction(async (tx) => {
    await updateTotp(tx, auth.user.id, { totpSecret: null, totpEnabled: false });
    await writeAudit(tx, auth.user, meta, { action: 'user.totp_disabled', entityType: 'user', entityId: auth.user.id });
  });
}
