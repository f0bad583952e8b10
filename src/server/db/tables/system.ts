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
