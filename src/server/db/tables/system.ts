import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The last run of each scheduled job, for the system status screen. A global table (jobs serve every
 * organisation of the installation); one row per job, overwritten on each run.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  ok: boolean('ok'),
  error: text('error'),
  durationMs: integer('duration_ms'),
  runs: integer('runs').notNull().default(0),
  failures: integer('failures').notNull().default(0),
});

/**
 * Which app instance runs each scheduled job in the current period (issue 20): an instance runs a job only when
 * it moves `next_run_at` forward itself, so several instances on one database run each job once per period.
 * A global table, one row per job.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  holder: text('holder').notNull(),
});

/**
 * Request counts of the rate-limited routes (sign-in, portal codes, surveys), kept in the database so that every
 * app instance counts the same requests. A global table keyed by route and client address.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});
