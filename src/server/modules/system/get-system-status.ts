import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../http/context';
import { housekeepingJobs } from '../../jobs/scheduler';
import { listFiles } from './archive';
import { listBackups } from './backups';
import { databaseFacts, listJobRuns, outboxBacklog } from './queries';
import { appVersion } from './version';

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const f of await listFiles(dir)) total += (await fsp.stat(path.join(dir, f)).catch(() => ({ size: 0 }))).size;
  return total;
}

/** What an administrator checks on the system screen: database, outbox, jobs, disk, backups, version. */
export async function getSystemStatus(deps: Deps, orgId: string) {
  const started = performance.now();
  let healthy = true;
  try {
    await deps.db.execute(sql`select 1`);
  } catch {
    healthy = false;
  }
  const latencyMs = Math.round(performance.now() - started);
  const [facts, outbox, runs, backups] = await Promise.all([
    databaseFacts(deps.db),
    outboxBacklog(deps.db, orgId),
    listJobRuns(deps.db),
    listBackups(deps.config.backup.dir),
  ]);
  const jobs = housekeepingJobs(deps).map((job) => {
    const run = runs.find((r) => r.name === job.name);
    return {
      name: job.name,
      everySeconds: Math.round(job.everyMs / 1000),
      lastStartedAt: run?.startedAt.toISOString() ?? null,
      lastFinishedAt: run?.finishedAt?.toISOString() ?? null,
      lastOk: run?.ok ?? null,
      lastError: run?.error ?? null,
      lastDurationMs: run?.durationMs ?? null,
      runs: run?.runs ?? 0,
      failures: run?.failures ?? 0,
    };
  });
  const disk = await fsp.statfs(deps.config.dataDir).catch(() => null);
  const [uploadBytes, backupBytes] = await Promise.all([
    folderBytes(deps.config.uploadDir),
    folderBytes(deps.config.backup.dir),
  ]);
  return {
    version: appVersion(),
    node: process.version,
    uptimeSeconds: Math.round(process.uptime()),
    database: { kind: deps.database.kind, healthy, latencyMs, ...facts },
    outbox,
    jobs,
    disk: {
      totalBytes: disk ? disk.blocks * disk.bsize : null,
      freeBytes: disk ? disk.bavail * disk.bsize : null,
      documentsBytes: uploadBytes,
      backupsBytes: backupBytes,
    },
    backups: {
      intervalHours: deps.config.backup.intervalMs / 3_600_000,
      keep: deps.config.backup.keep,
      count: backups.length,
      latestAt: backups[0]?.createdAt ?? null,
    },
  };
}
