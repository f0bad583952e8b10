import { toLatinDigits } from '../../../common/arabic';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta } from '../../http/context';
import { verifyPassword } from './passwords';
import {
  clearFailures,
  countRecentFailures,
  deleteSession,
  findUserForLogin,
  insertSession,
  recordFailure,
  toSessionUser,
} from './queries';
import { newToken, sessionIdOf } from './tokens';
import { checkTotp } from './totp';

export type LoginInput = { username: string; password: string; totp?: string };

/** A user may fail this many times from everywhere together before the account pauses for the window. */
const ACCOUNT_FAILURE_FACTOR = 4;

/**
 * Signs a user in and starts a fresh session (the id is always new: no session fixation).
 * Failed attempts are counted per username and address over a sliding window, so the limit lifts by itself.
 */
export async function login(
  deps: Deps,
  input: LoginInput,
  meta: RequestMeta,
  previousSessionId: string | null,
): Promise<{ token: string; auth: Auth }> {
  const { db, config } = deps;
  const username = input.username.trim().toLowerCase();
  const since = new Date(Date.now() - config.login.windowMs);
  const failures = await countRecentFailures(db, username, meta.ip, since);
  if (
    failures.forPair >= config.login.maxFailures ||
    failures.forUser >= config.login.maxFailures * ACCOUNT_FAILURE_FACTOR
  ) {
    await writeAudit(db, { id: null, orgId: null, username }, meta, { action: 'auth.login_rate_limited' });
    throw new AppError('auth.rate_limited');
  }

  const found = await findUserForLogin(db, username);
  const passwordOk = await verifyPassword(found?.passwordHash ?? null, input.password);
  if (!found || !passwordOk || found.disabled) {
    await recordFailure(db, username, meta.ip);
    await writeAudit(db, { id: found?.id ?? null, orgId: found?.orgId ?? null, username }, meta, {
      action: 'auth.login_failed',
      details: { reason: !found ? 'unknown_user' : found.disabled && passwordOk ? 'disabled' : 'bad_password' },
    });
    throw new AppError('auth.invalid_credentials');
  }

  if (found.totpEnabled && found.totpSecret) {
    if (!input.totp) throw new AppError('auth.totp_required');
    if (!(await checkTotp(found.totpSecret, toLatinDigits(input.totp.trim())))) {
      await recordFailure(db, username, meta.ip);
      await writeAudit(db, found, meta, { action: 'auth.login_failed', details: { reason: 'bad_totp' } });
      throw new AppError('auth.totp_invalid');
    }
  }

  const user = toSessionUser(found);
  const token = newToken();
  const sessionId = sessionIdOf(token);
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    if (previousSessionId) await deleteSession(tx, previousSessionId);
    await insertSession(tx, {
      id: sessionId,
      userId: user.id,
      orgId: user.orgId,
      csrfToken,
      expiresAt: new Date(Date.now() + config.session.absoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await clearFailures(tx, username, meta.ip);
    await writeAudit(tx, user, meta, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, auth: { user, sessionId, csrfToken } };
}
