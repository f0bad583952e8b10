import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { fingerprint } from '../../db/backup';
import { type Database, migrateDatabase, openEmbedded } from '../../db/client';
import { documents } from '../../db/tables/index';
import { seedDemoUsers } from '../../seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../../seed/organization';
import { seedServices } from '../../seed/services';
import { beneficiaryInput } from '../../test/factories';
import {
  createTestContext,
  createTestDatabase,
  signedInAs,
  type TestClient,
  type TestContext,
} from '../../test/harness';
import type { Manifest } from './backups';
import { recordJobRun } from './queries';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../..');
const onServer = process.env.WASL_TEST_DB === 'postgres';
const { DATABASE_URL: _unused, ...baseEnv } = process.env;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-system-'));

/**
 * The embedded server as it runs in production: PGlite in a data folder on disk (not in memory), documents in
 * a folder, backups in another. On the PostgreSQL project the harness's server database is used.
 */
async function startContext(): Promise<TestContext> {
  if (onServer) return createTestContext();
  const dataDir = path.join(tmp, 'live');
  const database = await openEmbedded(path.join(dataDir, 'pglite'));
  await migrateDatabase(database);
  const config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    dataDir,
    uploadDir: path.join(dataDir, 'documents'),
    backup: { dir: path.join(dataDir, 'backups'), intervalMs: 0, keep: 3 },
  };
  const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
  await seedDemoUsers(database.db, orgId, branchIds);
  await seedServices(database.db, orgId);
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    deps: { config, database, db: database.db },
    config,
    orgId,
    branchIds,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let officer: TestClient;
beforeAll(async () => {
  ctx = await startContext();
  [admin, manager, officer] = await signedInAs(ctx.app, ['admin', 'manager', 'officer'] as const);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function pdf(n: number): Buffer {
  return Buffer.from(`%PDF-1.4\n% document ${n} ${'x'.repeat(n % 97)}\n%%EOF\n`);
}

async function upload(client: TestClient, beneficiaryId: string, bytes: Buffer) {
  const boundary = '----waslsystem';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnational_id_copy\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="هوية.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/beneficiaries/${beneficiaryId}/documents`,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: client.cookie!,
      'x-csrf-token': client.csrfToken!,
    },
    payload: body,
  });
  expect(res.statusCode).toBe(201);
}

/** One unit of the write load: a new file with a document, and a correction of an older file. */
async function writeOnce(n: number, ids: string[]) {
  const res = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
  expect(res.status).toBe(201);
  ids.push(res.body.id);
  await upload(officer, res.body.id, pdf(n));
  if (ids.length > 1) {
    const fix = await officer.patch(`/api/beneficiaries/${ids[0]}`, { district: `حي ${n}` });
    expect(fix.status).toBe(204);
  }
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('backups taken while the server runs', () => {
  it('a backup under writes restores into an empty target identical table by table and document by document', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) await writeOnce(n, ids);
    // The write load keeps going while the backup is taken.
    let stop = false;
    let written = 0;
    const load = (async () => {
      for (let n = 100; !stop || written < 3; n++) {
        await writeOnce(n, ids);
        written += 1;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const taken = await admin.post('/api/backups');
    const writtenDuring = written;
    stop = true;
    await load;
    expect(taken.status).toBe(201);
    expect(taken.body.documents).toBeGreaterThanOrEqual(3);
    expect(written).toBeGreaterThan(writtenDuring - 1);

    const dir = ctx.config.backup.dir;
    const file = path.join(dir, taken.body.name);
    const manifest = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as Manifest;
    expect(manifest.kind).toBe(ctx.deps.database.kind);
    expect(manifest.missingDocuments).toEqual([]);

    // Listed with its size, verified on demand.
    const list = await admin.get('/api/backups');
    expect(list.body.items[0]).toMatchObject({ name: taken.body.name, size: fs.statSync(file).size });
    const verified = await admin.post(`/api/backups/${taken.body.name}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, problems: [] });
    expect((await admin.get('/api/backups')).body.items[0].verification.ok).toBe(true);

    // The restore drill, as the README tells it: `npm run restore <file>` into an empty target.
    const target = path.join(tmp, 'restored');
    const uploadDir = path.join(target, 'documents');
    let restored: Database;
    let dropTarget = async () => {};
    if (onServer) {
      const empty = await createTestDatabase({ migrate: false });
      await run('npx', ['tsx', 'scripts/restore.ts', file], {
        cwd: root,
        env: { ...baseEnv, DATABASE_URL: empty.database.url!, DATA_DIR: target, UPLOAD_DIR: uploadDir },
      });
      restored = empty.database;
      dropTarget = empty.drop;
    } else {
      await run('npx', ['tsx', 'scripts/restore.ts', file], {
        cwd: root,
        env: { ...baseEnv, DATA_DIR: target, UPLOAD_DIR: uploadDir },
      });
      restored = await openEmbedded(path.join(target, 'pglite'));
      dropTarget = () => restored.close();
    }
    try {
      // Table by table: every row count the live database had at the snapshot (read in the same snapshot on the
      // server; inside PGlite's lock on the embedded database), and every table's content exactly as in the backup
      // (the hashes verification read from the backup's own copy).
      const tables = await fingerprint(restored.db);
      const checked = JSON.parse(fs.readFileSync(`${file}.verified.json`, 'utf8')) as { tables: typeof tables };
      expect(tables).toEqual(checked.tables);
      expect(Object.keys(tables).sort()).toEqual(Object.keys(manifest.tables).sort());
      for (const [name, t] of Object.entries(manifest.tables)) {
        expect(tables[name]!.rows, name).toBe(t.rows);
        if (t.md5 !== undefined) expect(tables[name]!.md5, name).toBe(t.md5);
      }
      if (onServer) expect(manifest.tables.beneficiaries!.md5).toBeTruthy();
      // …while the live database has moved on since (the writes went on during and after the backup).
      const live = await fingerprint(ctx.deps.db);
      expect(live.beneficiaries!.rows).toBeGreaterThan(tables.beneficiaries!.rows);
      expect(tables.beneficiaries!.rows).toBeGreaterThanOrEqual(3);

      // Document by document: every document the restored database names is there, byte for byte.
      const rows = await restored.db
        .select({ storedName: documents.storedName, sha256: documents.sha256 })
        .from(documents);
      expect(rows.length).toBe(tables.documents!.rows);
      for (const row of rows) {
        const restoredFile = path.join(uploadDir, row.storedName);
        expect(fs.existsSync(restoredFile), row.storedName).toBe(true);
        expect(sha(restoredFile)).toBe(row.sha256);
        expect(sha(restoredFile)).toBe(sha(path.join(ctx.config.uploadDir, row.storedName)));
      }
      // And nothing else was invented: the restored folder holds exactly the backup's documents.
      expect(fs.readdirSync(uploadDir).sort()).toEqual(
        manifest.documents.map((d) => d.name.slice('documents/'.length)).sort(),
      );
    } finally {
      await dropTarget();
    }
  }, 120_000);

  it('refuses to restore into a folder that is not empty, and a damaged backup fails verification', async () => {
    const taken = await admin.post('/api/backups');
    expect(taken.status).toBe(201);
    const file = path.join(ctx.config.backup.dir, taken.body.name);
    const busy = path.join(tmp, 'busy');
    fs.mkdirSync(path.join(busy, 'documents'), { recursive: true });
    fs.writeFileSync(path.join(busy, 'documents', 'x'), 'x');
    const refused = await run('npx', ['tsx', 'scripts/restore.ts', file], {
      cwd: root,
      env: { ...baseEnv, DATA_DIR: busy, UPLOAD_DIR: path.join(busy, 'documents') },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/not empty/);

    // Flip bytes in the middle of the archive: verification names the damage.
    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = (bytes[at]! + 1) % 256;
    fs.writeFileSync(file, bytes);
    const verified = await admin.post(`/api/backups/${taken.body.name}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(false);
    expect(verified.body.problems.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps only the newest backups, and lets only the administrator take, list, verify or download them', async () => {
    for (const client of [manager, officer]) {
      expect((await client.post('/api/backups')).status).toBe(403);
      expect((await client.get('/api/backups')).status).toBe(403);
      expect((await client.get('/api/system/status')).status).toBe(403);
    }
    const taken = await admin.post('/api/backups');
    const items = (await admin.get('/api/backups')).body.items;
    expect(items.length).toBeLessThanOrEqual(ctx.config.backup.keep);
    const download = await ctx.app.inject({
      method: 'GET',
      url: `/api/backups/${taken.body.name}/download`,
      headers: { cookie: admin.cookie! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(fs.readFileSync(path.join(ctx.config.backup.dir, taken.body.name)))).toBe(true);
    expect((await manager.get(`/api/backups/${taken.body.name}/download`)).status).toBe(403);
    expect((await admin.get('/api/backups/..%2F..%2Fetc%2Fpasswd/download')).status).toBe(400);
    expect((await admin.post('/api/backups/wasl-backup-20200101T000000Z-abcd.tar/verify')).status).toBe(404);
    const audit = await admin.get('/api/audit?action=system.backup_downloaded');
    expect(audit.body.items[0]).toMatchObject({ entityId: taken.body.name, actorUsername: 'admin' });
  }, 60_000);
});

describe('system status and provider tests', () => {
  it('reports database health, outbox backlog, each job’s last run, disk use and version', async () => {
    await recordJobRun(ctx.deps.db, 'send-outbox', new Date(Date.now() - 20), null);
    await recordJobRun(ctx.deps.db, 'retention', new Date(Date.now() - 50), new Error('disk full'));
    const res = await admin.get('/api/system/status');
    expect(res.status).toBe(200);
    expect(res.body.database).toMatchObject({ kind: ctx.deps.database.kind, healthy: true });
    expect(res.body.database.migrations).toBeGreaterThan(10);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.body.outbox).toHaveProperty('waiting');
    const jobs = Object.fromEntries(res.body.jobs.map((j: { name: string }) => [j.name, j]));
    expect(jobs['send-outbox']).toMatchObject({ lastOk: true, runs: 1 });
    expect(jobs.retention).toMatchObject({ lastOk: false, lastError: 'disk full', failures: 1 });
    expect(jobs['expire-sessions']).toMatchObject({ lastStartedAt: null, runs: 0 });
    expect(res.body.disk.documentsBytes).toBeGreaterThanOrEqual(0);
    expect(res.body.backups.count).toBeGreaterThan(0);
  });

  it('sends a test message through a provider and refuses a bad recipient', async () => {
    const ok = await admin.post('/api/system/providers/test', { channel: 'sms', to: '0501234567' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ channel: 'sms', provider: 'demo', ok: true });
    const bad = await admin.post('/api/system/providers/test', { channel: 'email', to: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.validation');
    expect((await admin.post('/api/system/providers/test', { channel: 'fax', to: 'x' })).status).toBe(400);
    expect((await manager.post('/api/system/providers/test', { channel: 'sms', to: '0501234567' })).status).toBe(403);
    const audit = await admin.get('/api/audit?action=system.provider_tested');
    expect(audit.body.items).toHaveLength(1);
  });
});
