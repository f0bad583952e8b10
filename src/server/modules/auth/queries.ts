import { and, count, eq, gt, inArray, isNull, lt, max, ne, or, sql } from 'drizzle-orm';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/client';
import { knownDevices, loginFailures, recoveryCodes, sessions, users } from '../../db/tables/index';
import type { SessionUser } from '../../http/context';
import { sessionCache } from './session-cache';

export const sessionUserColumns = {
  id: users.id,
  orgId: users.orgId,
  branchId: users.branchId,
  role: users.role,
  username: users.username,
  displayName: users.displayName,
  locale: users.locale,
  digits: users.digits,
  totpEnabled: users.totpEnabled,
  totpRequired: users.totpRequired,
  mustChangePassword: users.mustChangePassword,
};

type SessionUserRow = { [K in keyof typeof sessionUserColumns]: unknown } & {
  role: string;
  locale: string;
  digits: string;
};

export function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    ...(row as unknown as SessionUser),
    role: row.role as Role,
    locale: row.locale === 'en' ? 'en' : 'ar',
    digits: row.digits === 'latn' ? 'latn' : 'arab',
  };
}

/** Usernames are unique per association, so the sign-in looks in the association of the host only. */
export async function findUserForLogin(db: Db, orgId: string, username: string) {
  const [row] = await db
    .select({
      ...sessionUserColumns,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      totpSecret: users.totpSecret,
    })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.username, username)))
    .limit(1);
  return row;
}

/** A session of the host's association only: a cookie of one association's user is nobody at another's host. */
export async function findSession(db: Db, orgId: string, sessionId: string) {
  const [row] = await db
    .select({
      ...sessionUserColumns,
      disabled: users.disabled,
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, sessionId)))
    .limit(1);
  return row;
}

export async function insertSession(
  db: Db,
  s: {
    id: string;
    userId: string;
    orgId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.insert(sessions).values(s);
}

export async function touchSession(db: Db, orgId: string, sessionId: string, at: Date) {
  sessionCache.forget(sessionId);
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, sessionId)));
}

export async function deleteSession(db: Db, orgId: string, sessionId: string) {
  sessionCache.forget(sessionId);
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.id, sessionId)));
}

/** Ends every session of a user, or every one but `keep`. */
export async function deleteUserSessions(db: Db, orgId: string, userId: string, keep?: string) {
  sessionCache.clear();
  await db
    .delete(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), keep ? ne(sessions.id, keep) : undefined));
}

/**
 * An admin ends every session of a user (a lost phone, a representative who left): the rows stay, marked, until
 * they expire, so a device that still holds one is told why it is refused. Returns how many were live.
 */
export async function revokeUserSessions(db: Db, orgId: string, userId: string, at: Date): Promise<number> {
  sessionCache.clear();
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** How long a browser or address stays known without a sign-in from it (the known-device cookie's lifetime). */
export const KNOWN_DEVICE_DAYS = 400;

/** Ends lapsed sessions, and forgets browsers and addresses not used to sign in for KNOWN_DEVICE_DAYS. */
export async function deleteExpiredSessions(db: Db, now: Date, idleMs: number) {
  sessionCache.clear();
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))));
  await db
    .delete(knownDevices)
    .where(lt(knownDevices.lastSeenAt, new Date(now.getTime() - KNOWN_DEVICE_DAYS * 86_400_000)));
}

/**
 * Failures over the window: for this username from this address (`forPair`), from this address for any username
 * (`forIp`), and for this username from anywhere (`forUser`, with the time of the latest).
 */
export async function countRecentFailures(db: Db, username: string, ip: string | null, since: Date) {
  const [forPair] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.username, username),
        ip === null ? undefined : eq(loginFailures.ip, ip),
        gt(loginFailures.at, since),
      ),
    );
  const [forIp] =
    ip === null
      ? [{ n: 0 }]
      : await db
          .select({ n: count() })
          .from(loginFailures)
          .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  const [forUser] = await db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  const last = forUser?.last ?? null;
  return {
    forPair: Number(forPair?.n ?? 0),
    forIp: Number(forIp?.n ?? 0),
    forUser: Number(forUser?.n ?? 0),
    lastForUser: last === null ? null : new Date(last),
  };
}

/** Usernames with at least `threshold` failed sign-ins since `since`: accounts under attack, for the admin's list. */
export async function attackedUsernames(db: Db, usernames: string[], since: Date, threshold: number) {
  if (usernames.length === 0) return new Set<string>();
  const rows = await db
    .select({ username: loginFailures.username })
    .from(loginFailures)
    .where(and(inArray(loginFailures.username, usernames), gt(loginFailures.at, since)))
    .groupBy(loginFailures.username)
    .having(sql`count(*) >= ${threshold}`);
  return new Set(rows.map((r) => r.username));
}

/** Whether this browser (by its known-device cookie) or this address has signed in to the account before. */
export async function isKnownDevice(db: Db, userId: string, tokenHash: string | null, ip: string | null) {
  if (tokenHash === null && ip === null) return false;
  const [row] = await db
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(
      and(
        eq(knownDevices.userId, userId),
        or(
          tokenHash === null ? undefined : eq(knownDevices.tokenHash, tokenHash),
          ip === null ? undefined : eq(knownDevices.ip, ip),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function rememberDevice(
  db: Db,
  d: { orgId: string; userId: string; tokenHash: string; ip: string | null },
) {
  await db
    .insert(knownDevices)
    .values(d)
    .onConflictDoUpdate({
      target: [knownDevices.orgId, knownDevices.userId, knownDevices.tokenHash, knownDevices.ip],
      set: { lastSeenAt: new Date() },
    });
}

export async function markSignedIn(db: Db, orgId: string, userId: string, at: Date) {
  await db
    .update(users)
    .set({ lastLoginAt: at })
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
}

/** Accepts a TOTP time step once: only a step later than the last one used by the account claims it. */
export async function claimTotpStep(db: Db, orgId: string, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(eq(users.orgId, orgId), eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(db: Db, orgId: string, userId: string, hashes: string[]) {
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.orgId, orgId), eq(recoveryCodes.userId, userId)));
  if (hashes.length > 0) {
    await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ orgId, userId, codeHash })));
  }
}

/** Marks an unused code used; false when it does not exist or was used already (each code works once). */
export async function spendRecoveryCode(db: Db, orgId: string, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.orgId, orgId),
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.orgId, orgId), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export async function recordFailure(db: Db, username: string, ip: string | null) {
  await db.insert(loginFailures).values({ username, ip });
}

export async function clearFailures(db: Db, username: string, ip: string | null) {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.username, username), ip === null ? undefined : eq(loginFailures.ip, ip)));
}

export async function deleteOldFailures(db: Db, before: Date) {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}

export async function getCredentials(db: Db, userId: string) {
  const [row] = await db
    .select({
      passwordHash: users.passwordHash,
      totpSecret: users.totpSecret,
      totpEnabled: users.totpEnabled,
      totpRequired: users.totpRequired,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** A new password; `mustChange` marks it as set by an admin, to be replaced by the user at next sign-in. */
export async function updatePasswordHash(db: Db, userId: string, passwordHash: string, mustChange = false) {
  sessionCache.clear();
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function updateTotp(
  db: Db,
  userId: string,
  values: { totpSecret: string | null; totpEnabled: boolean; totpLastStep?: number | null },
) {
  sessionCache.clear();
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
