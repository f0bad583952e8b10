import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { rateLimitHits } from './tables/index';

// The rate-limit windows shared by every app instance (issue 20). They sit in the database layer, below http and
// the modules, because the HTTP layer's limiter and the housekeeping job both use them.

/** Counts one request under `key` in a window of `windowMs`; the count and the time left in the window. */
export async function countRateLimitHit(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const window = sql`${`${windowMs} milliseconds`}::interval`;
  const expired = sql`${rateLimitHits.resetAt} <= now()`;
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, hits: 1, resetAt: sql`now() + ${window}` })
    .onConflictDoUpdate({
      target: rateLimitHits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitHits.hits} + 1 end`,
        resetAt: sql`case when ${expired} then now() + ${window} else ${rateLimitHits.resetAt} end`,
      },
    })
    .returning({
      current: rateLimitHits.hits,
      ttl: sql<number>`ceil(extract(epoch from ${rateLimitHits.resetAt} - now()) * 1000)::int`,
    });
  return { current: row!.current, ttl: Math.max(0, Number(row!.ttl)) };
}

/** The count under `key` without adding to it. */
export async function readRateLimitHits(db: Db, key: string): Promise<{ current: number; ttl: number }> {
  const [row] = await db
    .select({
      current: rateLimitHits.hits,
      ttl: sql<number>`ceil(extract(epoch from ${rateLimitHits.resetAt} - now()) * 1000)::int`,
    })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.key, key), sql`${rateLimitHits.resetAt} > now()`));
  return row ? { current: row.current, ttl: Math.max(0, Number(row.ttl)) } : { current: 0, ttl: 0 };
}

/** Windows that have ended (housekeeping). */
export async function deleteEndedRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimitHits).where(sql`${rateLimitHits.resetAt} <= now()`);
}
