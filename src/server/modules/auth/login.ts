import { toLatinDigits } from '../../../common/arabic';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Auth, Deps, RequestMeta } from '../../http/context';
import { verifyPassword } from './passwords';
import {
  claimTotpStep,
  clearFailures,
  countRecentFailures,
  deleteSession,
  findUserForLogin,
  insertSession,
  isKnownDevice,
  markSignedIn,
  recordFailure,
  rememberDevice,
  spendRecoveryCode,
  toSessionUser,
} from './queries';
import { hashRecoveryCode } from './recovery-codes';
import { newToken, sessionIdOf } from './tokens';
import { checkTotp } from './totp';

export type LoginInput = { username: string; password: string; totp?: string; recoveryCode?: string };

/** Failures from everywhere together, as a multiple of the per-address limit, that put an account under attack. */
export const ACCOUNT_FAILURE_FACTOR = 4;
/** Failures from one address for any usernames, as a multiple of the per-address limit, that stop that address. */
const ADDRESS_FAILURE_FACTOR = 4;

/**
 * Signs a user in and starts a fresh session (the id is always new: no session fixation).
 *
 * Failed attempts are counted over a sliding window, so every limit lifts by itself (docs/decisions/017):
 * - per address: a username tried too often from one address, or too many tries from one address, answer 429;
 * - per account: past a higher count from everywhere the account is under attack — the admins are alerted (an
 *   audit row) and a browser or address that never signed in to it may try only once per slow-down interval,
 *   while the owner's known browser (known-device cookie) or an address they signed in from goes straight in.
 */
export async function login(
  deps: Deps,
  input: LoginInput,
  meta: RequestMeta,
  previousSessionId: string | null,
  deviceToken: string | null,
  /**
   * The association of the request's host (issue 20): only its accounts sign in there, others are unknown. Null
   * when the deployment has no association for the host: nobody signs in.
   */
  hostOrgId: string | null,
): Promise<{ token: string; auth: Auth; deviceToken: string }> {
  const { db, config } = deps;
  const username = input.username.trim().toLowerCase();
  const now = Date.now();
  const since = new Date(now - config.login.windowMs);
  const limit = config.login.maxFailures;
  const failures = await countRecentFailures(db, username, meta.ip, since);
  if (failures.forPair >= limit || failures.forIp >= limit * ADDRESS_FAILURE_FACTOR) {
    await writeAudit(db, { id: null, orgId: hostOrgId, username }, meta, {
      action: 'auth.login_rate_limited',
      details: { reason: 'address' },
    });
    throw new AppError('auth.rate_limited');
  }

  const found = hostOrgId ? await findUserForLogin(db, hostOrgId, username) : undefined;
  const deviceHash = deviceToken ? sessionIdOf(deviceToken) : null;
  const accountThreshold = limit * ACCOUNT_FAILURE_FACTOR;
  if (failures.forUser >= accountThreshold) {
    const known = found ? await isKnownDevice(db, found.id, deviceHash, meta.ip) : false;
    const lastTry = failures.lastForUser?.getTime() ?? 0;
    if (!known && now - lastTry < config.login.slowdownMs) {
      await writeAudit(db, { id: found?.id ?? null, orgId: found?.orgId ?? hostOrgId, username }, meta, {
        action: 'auth.login_rate_limited',
        details: { reason: 'account_slowdown' },
      });
      throw new AppError('auth.rate_limited');
    }
  }

  const passwordOk = await verifyPassword(found?.passwordHash ?? null, input.password);
  if (!found || !passwordOk) {
    await recordFailure(db, username, meta.ip);
    await writeAudit(db, { id: found?.id ?? null, orgId: found?.orgId ?? hostOrgId, username }, meta, {
      action: 'auth.login_failed',
      details: { reason: !found ? 'unknown_user' : 'bad_password' },
    });
    if (found && failures.forUser + 1 === accountThreshold) {
      // Once per wave: the admins see it on the audit screen (action auth.account_attacked).
      await writeAudit(db, { id: null, orgId: found.orgId, username }, meta, {
        action: 'auth.account_attacked',
        entityType: 'user',
        entityId: found.id,
        details: { failures: accountThreshold, windowMinutes: Math.round(config.login.windowMs / 60_000) },
      });
    }
    throw new AppError('auth.invalid_credentials');
  }
  // Only someone who knows the password learns that the account is disabled.
  if (found.disabled) {
    await writeAudit(db, found, meta, { action: 'auth.login_failed', details: { reason: 'disabled' } });
    throw new AppError('auth.account_disabled');
  }

  let secondFactor: 'totp' | 'recovery_code' | null = null;
  if (found.totpEnabled && found.totpSecret) {
    if (input.recoveryCode) {
      if (!(await spendRecoveryCode(db, found.orgId, found.id, hashRecoveryCode(input.recoveryCode)))) {
        await recordFailure(db, username, meta.ip);
        await writeAudit(db, found, meta, { action: 'auth.login_failed', details: { reason: 'bad_recovery_code' } });
        throw new AppError('auth.recovery_code_invalid');
      }
      secondFactor = 'recovery_code';
    } else {
      if (!input.totp) throw new AppError('auth.totp_required');
      const step = await checkTotp(found.totpSecret, toLatinDigits(input.totp.trim()));
      if (step === null) {
        await recordFailure(db, username, meta.ip);
        await writeAudit(db, found, meta, { action: 'auth.login_failed', details: { reason: 'bad_totp' } });
        throw new AppError('auth.totp_invalid');
      }
      if (!(await claimTotpStep(db, found.orgId, found.id, step))) {
        await recordFailure(db, username, meta.ip);
        await writeAudit(db, found, meta, { action: 'auth.login_failed', details: { reason: 'reused_totp' } });
        throw new AppError('auth.totp_reused');
      }
      secondFactor = 'totp';
    }
  }

  const user = toSessionUser(found);
  const token = newToken();
  const sessionId = sessionIdOf(token);
  const csrfToken = newToken();
  const device = deviceToken ?? newToken();
  await db.transaction(async (tx) => {
    if (previousSessionId) await deleteSession(tx, user.orgId, previousSessionId);
    await insertSession(tx, {
      id: sessionId,
      userId: user.id,
      orgId: user.orgId,
      csrfToken,
      expiresAt: new Date(now + config.session.absoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await clearFailures(tx, username, meta.ip);
    await rememberDevice(tx, { orgId: user.orgId, userId: user.id, tokenHash: sessionIdOf(device), ip: meta.ip });
    await markSignedIn(tx, user.orgId, user.id, new Date(now));
    await writeAudit(tx, user, meta, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      ...(secondFactor === 'recovery_code' ? { details: { secondFactor } } : {}),
    });
  });
  return { token, auth: { user, sessionId, csrfToken }, deviceToken: device };
}
