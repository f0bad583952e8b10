import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { riyadhDate } from '../../common/dates';
import { organizations } from '../db/tables/index';
import type { Deps } from '../http/context';
import { deleteExpiredSessions, deleteOldFailures } from '../modules/auth/queries';
import { suspendOverdueReverifications } from '../modules/beneficiaries/change-status';
import { escalateBreachedCases } from '../modules/cases';
import { sweepDuplicates } from '../modules/imports/duplicate-sweep';
import { retryWebhookEvents } from '../modules/notifications/inbound';
import { buildProviders } from '../modules/notifications/providers/index';
import { runOutboxOnce } from '../modules/notifications/worker';
import { runOutreach } from '../modules/outreach/run-outreach';
import { applyRetention } from '../modules/privacy';
import { getSettings } from '../modules/settings/queries';
import '../wiring';
import { deleteEndedRateLimits } from '../db/rate-limits';
import { createBackup, pruneBackups } from '../modules/system/backups';
import { claimJobPeriod, recordJobRun } from '../modules/system/queries';
import { sendDailyDigests } from '../modules/work';

/**
 * A scheduled job. Across several app instances on one database each job runs once per period (a claim in
 * job_leases); `everyInstance` jobs run on every instance because their work is shared out row by row (the
 * outbox claims messages with FOR UPDATE SKIP LOCKED) or belongs to the process (embedded VACUUM).
 */
export type Job = { name: string; everyMs: number; everyInstance?: boolean; run: (deps: Deps) => Promise<void> };

/** Housekeeping. Each job is also idempotent, so a run repeated after a crash does no harm. */
export function housekeepingJobs(deps: Deps): Job[] {
  const providers = buildProviders(deps.config);
  const jobs: Job[] = [
    {
      name: 'send-outbox',
      everyMs: 3_000,
      everyInstance: true,
      run: async ({ db }) => {
        await runOutboxOnce(db, providers);
      },
    },
    {
      // Inbound webhook bodies whose processing failed are retried, never lost (decision 019).
      name: 'retry-webhooks',
      everyMs: 30_000,
      run: async (d) => {
        await retryWebhookEvents(d);
      },
    },
    {
      name: 'expire-sessions',
      everyMs: 10 * 60_000,
      run: async ({ db, config }) => {
        const now = new Date();
        await deleteExpiredSessions(db, now, config.session.idleMs);
        await deleteOldFailures(db, new Date(now.getTime() - config.login.windowMs));
        await deleteEndedRateLimits(db);
      },
    },
    {
      name: 'escalate-breached-cases',
      everyMs: 5 * 60_000,
      run: async ({ db }) => {
        await escalateBreachedCases(db, new Date());
      },
    },
    {
      // Proactive outreach; each rule keys its tasks and messages by person and reason, so reruns are harmless.
      name: 'outreach-rules',
      everyMs: 6 * 3_600_000,
      run: async ({ db }) => {
        const today = riyadhDate(new Date());
        for (const org of await db.select({ id: organizations.id }).from(organizations)) {
          await runOutreach(db, org.id, today, 'schedule');
        }
      },
    },
    {
      name: 'retention',
      everyMs: 12 * 3_600_000,
      run: async (d) => {
        const today = riyadhDate(new Date());
        for (const org of await d.db.select({ id: organizations.id }).from(organizations)) {
          await applyRetention(d, org.id, today, (await getSettings(d.db, org.id)).retentionMonths);
        }
      },
    },
    {
      name: 'suspend-overdue-reverifications',
      everyMs: 6 * 3_600_000,
      run: async ({ db }) => {
        const today = riyadhDate(new Date());
        for (const org of await db.select({ id: organizations.id }).from(organizations)) {
          await suspendOverdueReverifications(db, org.id, today);
        }
      },
    },
    {
      // The staff's optional daily e-mail: tried every hour (once across instances, by the lease), sent from the
      // Riyadh morning; the outbox key per user and day keeps it to one a day.
      name: 'daily-digest',
      everyMs: 3_600_000,
      run: async ({ db, config }) => {
        for (const org of await db.select({ id: organizations.id }).from(organizations)) {
          await sendDailyDigests(db, org.id, { publicUrl: config.publicUrl });
        }
      },
    },
    {
      // Suspected duplicates for the review queue; a pair already there (or rejected) is never added again.
      name: 'duplicate-sweep',
      everyMs: 24 * 3_600_000,
      run: async ({ db }) => {
        for (const org of await db.select({ id: organizations.id }).from(organizations)) {
          await sweepDuplicates(db, org.id, 'sweep');
        }
      },
    },
  ];
  // Backups while the server runs, documents included, keeping the newest N (docs/decisions/021).
  if (deps.config.backup.intervalMs > 0) {
    jobs.push({
      name: 'backup',
      everyMs: deps.config.backup.intervalMs,
      run: async (d) => {
        await createBackup(d.database, d.config, 'schedule');
        await pruneBackups(d.config.backup.dir, d.config.backup.keep);
      },
    });
  }
  // PGlite has no autovacuum (ARCHITECTURE.md → guardrails).
  if (deps.database.kind === 'embedded' && deps.config.vacuumIntervalMs > 0) {
    jobs.push({
      name: 'vacuum-analyze',
      everyMs: deps.config.vacuumIntervalMs,
      everyInstance: true,
      run: (d) => d.database.exec('VACUUM ANALYZE'),
    });
  }
  return jobs;
}

/** Names this process in job_leases (which instance ran a job last). */
const HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function startScheduler(
  deps: Deps,
  log: (msg: string, err?: unknown) => void,
  jobs: Job[] = housekeepingJobs(deps),
): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      let mine = true;
      try {
        if (!job.everyInstance) mine = await claimJobPeriod(deps.db, job.name, job.everyMs, HOLDER);
      } catch (error) {
        log(`job ${job.name} not claimed`, error);
        mine = false;
      }
      if (!mine) {
        // Another instance runs it this period.
        running = false;
        return;
      }
      const started = new Date();
      let failure: unknown = null;
      try {
        await job.run(deps);
      } catch (error) {
        failure = error;
        log(`job ${job.name} failed`, error);
      } finally {
        running = false;
      }
      // Each run's result, for the system status screen; a failure to record it must not stop the job.
      await recordJobRun(deps.db, job.name, started, failure).catch((error) => log('job run not recorded', error));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
