import { and, count, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/client';
import { loginFailures, sessions, users } from '../../db/tables/index';
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

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db
    .select({
      ...sessionUserColumns,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      totpSecret: users.totpSecret,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row;
}

export async function findSession(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      ...sessionUserColumns,
      disabled: users.disabled,
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
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

export async function touchSession(db: Db, sessionId: string, at: Date) {
  sessionCache.forget(sessionId);
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string) {
  sessionCache.forget(sessionId);
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `keep`. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string) {
  sessionCache.clear();
  await db
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date, idleMs: number) {
  sessionCache.clear();
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))));
}

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
  const [forUser] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  return { forPair: Number(forPair?.n ?? 0), forUser: Number(forUser?.n ?? 0) };
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
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string) {
  sessionCache.clear();
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function updateTotp(db: Db, userId: string, values: { totpSecret: string | null; totpEnabled: boolean }) {
  sessionCache.clear();
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
