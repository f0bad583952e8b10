import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export type KeyOwner = { orgId: string; userId: string; key: string };

function ofOwner(owner: KeyOwner) {
  return inOrg(
    idempotencyKeys,
    owner.orgId,
    eq(idempotencyKeys.userId, owner.userId),
    eq(idempotencyKeys.key, owner.key),
  );
}

/** Claims the key for a first request; false when a row for it exists already (a replay, or a request running). */
export async function claimKey(db: Db, owner: KeyOwner, requestHash: string, expiresAt: Date): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...owner, requestHash, expiresAt })
    .onConflictDoNothing({ target: [idempotencyKeys.orgId, idempotencyKeys.userId, idempotencyKeys.key] })
    .returning({ id: idempotencyKeys.id });
  return rows.length > 0;
}

export async function findKey(db: Db, owner: KeyOwner) {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      statusCode: idempotencyKeys.statusCode,
      response: idempotencyKeys.response,
      expiresAt: idempotencyKeys.expiresAt,
    })
    .from(idempotencyKeys)
    .where(ofOwner(owner));
  return row;
}

export async function storeAnswer(db: Db, owner: KeyOwner, statusCode: number, response: unknown) {
  await db.update(idempotencyKeys).set({ statusCode, response }).where(ofOwner(owner));
}

/** A first request that failed wrote nothing, so its key is released and a retry runs again. */
export async function releaseKey(db: Db, owner: KeyOwner) {
  await db.delete(idempotencyKeys).where(ofOwner(owner));
}

/** The user's keys past their expiry: cleared whenever they send a new one, so the table stays small per user. */
export async function deleteExpiredKeys(db: Db, owner: KeyOwner, now: Date) {
  await db
    .delete(idempotencyKeys)
    .where(
      inOrg(idempotencyKeys, owner.orgId, eq(idempotencyKeys.userId, owner.userId), lt(idempotencyKeys.expiresAt, now)),
    );
}
