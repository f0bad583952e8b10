import { and, count, eq, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobLeases, jobRuns, notifications, users } from '../../db/tables/index';

/** Records one run of a scheduled job: when, how long, and whether it failed (the message only). */
export async function recordJobRun(db: Db, name: string, started: Date, failure: unknown): Promise<void> {
  const finished = new Date();
  const error = failure === null ? null : String(failure instanceof Error ? failure.message : failure).slice(0, 500);
  const values = {
    startedAt: started,
    finishedAt: finished,
    ok: failure === null,
    error,
    durationMs: finished.getTime() - started.getTime(),
  };
  await db
    .insert(jobRuns)
    .values({ name, ...values, runs: 1, failures: failure === null ? 0 : 1 })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: {
        ...values,
        runs: sql`${jobRuns.runs} + 1`,
        failures: sql`${jobRuns.failures} + ${failure === null ? 0 : 1}`,
      },
    });
}

export function listJobRuns(db: Db) {
  return db.select().from(jobRuns);
}

/** The organisation's messages waiting to leave, stopped ones, and how old the oldest waiting message is. */
export async function outboxBacklog(db: Db, orgId: string) {
  const rows = await db
    .select({ status: notifications.status, n: count(), oldest: min(notifications.createdAt) })
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, orgId),
        inArray(notifications.status, ['queued', 'sending', 'failed', 'given_up', 'unknown']),
      ),
    )
    .groupBy(notifications.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const waiting = rows.filter((r) => r.status === 'queued' || r.status === 'sending');
  const oldest = waiting
    .map((r) => r.oldest)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    waiting: of('queued') + of('sending'),
    retrying: of('failed'),
    stopped: of('given_up') + of('unknown'),
    oldestWaitingAt: oldest ? new Date(oldest).toISOString() : null,
  };
}

export async function databaseFacts(db: Db) {
  const size = (await db.execute(sql`select pg_database_size(current_database())::bigint as bytes`)) as unknown as {
    rows: { bytes: string | number }[];
  };
  const migrations = (await db.execute(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return { sizeBytes: Number(size.rows[0]?.bytes ?? 0), migrations: migrations.rows[0]?.n ?? 0 };
}

/** Enabled accounts with these usernames and their password hashes (the doctor looks for demo passwords). */
export function listEnabledUsersNamed(db: Db, usernames: string[]) {
  return db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(and(inArray(users.username, usernames), eq(users.disabled, false)));
}

/**
 * Takes this period of a scheduled job for `holder`: true for the one instance that moved `next_run_at` past
 * now, false for every other (issue 20). The database's clock decides, so instances with drifting clocks agree;
 * a tenth of the period is allowed for timers firing a little early.
 */
export async function claimJobPeriod(db: Db, name: string, everyMs: number, holder: string): Promise<boolean> {
  const next = sql`now() + ${`${everyMs} milliseconds`}::interval`;
  const rows = await db
    .insert(jobLeases)
    .values({ name, nextRunAt: next, holder })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { nextRunAt: next, holder },
      setWhere: sql`${jobLeases.nextRunAt} <= now() + ${`${Math.floor(everyMs / 10)} milliseconds`}::interval`,
    })
    .returning({ name: jobLeases.name });
  return rows.length === 1;
}
