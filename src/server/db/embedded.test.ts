import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { housekeepingJobs } from '../jobs/scheduler';
import { migrateDatabase, openEmbedded } from './client';
import { lockDataFolder } from './lock';

const temp: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-db-'));
  temp.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

// About the embedded database's folder only: the server has no folder to guard (excluded from the postgres project).
describe('embedded database guardrails', () => {
  it('migrations apply to a new database and again, idempotently, to an existing one', async () => {
    const dir = tempDir();
    const first = await openEmbedded(dir);
    await migrateDatabase(first);
    await first.db.execute(sql`insert into organizations (slug, name_ar, name_en) values ('x', 'س', 'x')`);
    await first.close();
    const second = await openEmbedded(dir);
    await migrateDatabase(second);
    const result = await second.db.execute(sql`select count(*)::int as n from organizations`);
    expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    const wal = await second.db.execute(sql`show max_wal_size`);
    expect((wal as unknown as { rows: { max_wal_size: string }[] }).rows[0]!.max_wal_size).toBe('64MB');
    // The scheduled VACUUM ANALYZE runs on it.
    const deps = { config: loadConfig({ NODE_ENV: 'test' }), database: second, db: second.db };
    const vacuum = housekeepingJobs(deps).find((j) => j.name === 'vacuum-analyze');
    expect(vacuum).toBeDefined();
    await vacuum!.run(deps);
    await second.close();
    // Two on-disk migrations of the whole history (0027 walks the catalogue) take ~28 s on a busy shared machine.
  }, 90_000);

  it('a second process is refused while the first holds the data folder; a stale lock is taken over', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dir, 'wasl.lock'), String(holder.pid));
      expect(() => lockDataFolder(dir)).toThrow(/in use by process/);
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.once('exit', r));
    const release = lockDataFolder(dir);
    expect(fs.readFileSync(path.join(dir, 'wasl.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'wasl.lock'))).toBe(false);
  });

  it('refuses demo users in production', () => {
    const result = spawnSync('npx', ['tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://wasl.example.org',
        WASL_DEMO: '1',
        DATA_DIR: tempDir(),
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/WASL_DEMO is refused when NODE_ENV=production/);
  });
});
