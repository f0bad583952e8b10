import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config';
import {
  fingerprintEmbeddedDump,
  fingerprintServer,
  listServerDump,
  restoreEmbedded,
  restoreServer,
  snapshotEmbedded,
  snapshotServer,
  type TableFingerprint,
} from '../../db/backup';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import { type ArchivedFile, extractArchive, listFiles, sha256File, writeArchive } from './archive';
import { appVersion } from './version';

/**
 * One backup is one tar file (docs/decisions/021): `database.tar.gz` (the embedded data folder) or
 * `database.dump` (pg_dump), every uploaded document under `documents/`, and `manifest.json` with the table
 * fingerprints read in the same snapshot as the dump and the SHA-256 of every file. A copy of the manifest
 * sits beside the archive (`<name>.json`) so the list does not read the archives; the verify result too.
 */
export type Manifest = {
  format: 1;
  name: string;
  createdAt: string;
  version: string;
  kind: 'embedded' | 'postgres';
  trigger: 'manual' | 'schedule' | 'command';
  database: ArchivedFile;
  tables: TableFingerprint;
  documents: ArchivedFile[];
  /** Documents listed when the copy began but deleted before they were read (an anonymisation meanwhile). */
  missingDocuments: string[];
};

/** `tables`: the fingerprint (counts and content hashes) read from the backup's own database copy. */
export type Verification = { at: string; ok: boolean; problems: string[]; tables?: TableFingerprint };

export type BackupInfo = {
  name: string;
  createdAt: string;
  kind: 'embedded' | 'postgres';
  trigger: Manifest['trigger'];
  version: string;
  size: number;
  tables: number;
  rows: number;
  documents: number;
  documentBytes: number;
  verification: Verification | null;
};

const NAME = /^wasl-backup-\d{8}T\d{6}Z-[a-z0-9]{4}\.tar$/;

export function isBackupName(name: string): boolean {
  return NAME.test(name);
}

function stampName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `wasl-backup-${stamp}-${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}.tar`;
}

const sidecar = (dir: string, name: string) => path.join(dir, `${name}.json`);
const verifiedFile = (dir: string, name: string) => path.join(dir, `${name}.verified.json`);

/** Takes a backup while the server runs: the database in one snapshot, then every uploaded document. */
export async function createBackup(
  database: Database,
  config: Pick<Config, 'backup' | 'uploadDir'>,
  trigger: Manifest['trigger'],
): Promise<BackupInfo> {
  const dir = config.backup.dir;
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const name = stampName(new Date());
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'wasl-backup-'));
  try {
    const dbName = database.kind === 'embedded' ? 'database.tar.gz' : 'database.dump';
    const dbFile = path.join(work, dbName);
    const createdAt = new Date().toISOString();
    let tables: TableFingerprint;
    if (database.kind === 'embedded') {
      if (!database.pglite) throw new Error('embedded database without its engine');
      tables = await snapshotEmbedded(database.pglite, dbFile);
    } else {
      if (!database.url) throw new Error('server database without its address');
      tables = await snapshotServer(database.url, dbFile);
    }
    // Documents are written before their row commits, so every document the snapshot names is on disk now.
    const docs = await listFiles(config.uploadDir);
    const partial = path.join(dir, `.${name}.partial`);
    let manifest: Manifest | null = null;
    await writeArchive(
      partial,
      [
        { name: dbName, source: dbFile },
        ...docs.map((d) => ({ name: `documents/${d}`, source: path.join(config.uploadDir, d) })),
      ],
      (written, missing) => {
        manifest = {
          format: 1,
          name,
          createdAt,
          version: appVersion(),
          kind: database.kind,
          trigger,
          database: written.find((w) => w.name === dbName)!,
          tables,
          documents: written.filter((w) => w.name.startsWith('documents/')),
          missingDocuments: missing,
        };
        return manifest;
      },
    );
    await fsp.writeFile(sidecar(dir, name), JSON.stringify(manifest), { mode: 0o600 });
    await fsp.rename(partial, path.join(dir, name));
    return (await readInfo(dir, name))!;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

async function readInfo(dir: string, name: string): Promise<BackupInfo | null> {
  try {
    const [stat, text] = await Promise.all([fsp.stat(path.join(dir, name)), fsp.readFile(sidecar(dir, name), 'utf8')]);
    const m = JSON.parse(text) as Manifest;
    const verification = await fsp
      .readFile(verifiedFile(dir, name), 'utf8')
      .then((t) => JSON.parse(t) as Verification)
      .catch(() => null);
    return {
      name,
      createdAt: m.createdAt,
      kind: m.kind,
      trigger: m.trigger,
      version: m.version,
      size: stat.size,
      tables: Object.keys(m.tables).length,
      rows: Object.values(m.tables).reduce((n, t) => n + t.rows, 0),
      documents: m.documents.length,
      documentBytes: m.documents.reduce((n, d) => n + d.size, 0),
      verification: verification ? { at: verification.at, ok: verification.ok, problems: verification.problems } : null,
    };
  } catch {
    return null;
  }
}

/** The backups in the folder, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await fsp.readdir(dir).catch(() => [] as string[])).filter(isBackupName).sort().reverse();
  const infos = await Promise.all(names.map((n) => readInfo(dir, n)));
  return infos.filter((i): i is BackupInfo => i !== null);
}

export function backupPath(dir: string, name: string): string {
  if (!isBackupName(name) || !fs.existsSync(path.join(dir, name))) throw new AppError('system.backup_not_found');
  return path.join(dir, name);
}

/** Unpacks a backup and checks every file against its manifest; returns the manifest and the problems found. */
async function unpackChecked(file: string, into: string): Promise<{ manifest: Manifest; problems: string[] }> {
  await extractArchive(file, into);
  const text = await fsp.readFile(path.join(into, 'manifest.json'), 'utf8').catch(() => null);
  if (!text) return { manifest: null as never, problems: ['manifest_missing'] };
  const manifest = JSON.parse(text) as Manifest;
  const problems: string[] = [];
  for (const f of [manifest.database, ...manifest.documents]) {
    const p = path.join(into, f.name);
    if (!fs.existsSync(p)) problems.push(`missing:${f.name}`);
    else if ((await sha256File(p)) !== f.sha256) problems.push(`changed:${f.name}`);
  }
  return { manifest, problems };
}

/** Tables missing on either side, a different row count, or a different content hash where both have one. */
function compareTables(expected: TableFingerprint, actual: TableFingerprint): string[] {
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const e = expected[name];
    const a = actual[name];
    if (!e || !a || e.rows !== a.rows || (e.md5 !== undefined && a.md5 !== undefined && e.md5 !== a.md5)) {
      problems.push(`table:${name}`);
    }
  }
  return problems;
}

/**
 * Verifies a backup: every file matches its SHA-256, and the database opens and holds exactly the tables and
 * rows the manifest recorded. An embedded dump is opened in memory; a server dump is restored into a
 * temporary database when the server allows it, otherwise only its table of contents is read.
 */
export async function verifyBackup(database: Database, dir: string, name: string): Promise<Verification> {
  const file = backupPath(dir, name);
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'wasl-verify-'));
  let problems: string[];
  let tables: TableFingerprint | undefined;
  try {
    const unpacked = await unpackChecked(file, work);
    problems = unpacked.problems;
    const { manifest } = unpacked;
    if (problems.length === 0) {
      const dump = path.join(work, manifest.database.name);
      try {
        if (manifest.kind === 'embedded') {
          tables = await fingerprintEmbeddedDump(dump);
          problems.push(...compareTables(manifest.tables, tables));
        } else {
          await listServerDump(dump);
          if (database.url) {
            const checked = await verifyServerDump(database.url, dump, manifest.tables);
            problems.push(...checked.problems);
            tables = checked.tables;
          }
        }
      } catch {
        problems.push('database_unreadable');
      }
    }
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
  const result: Verification = { at: new Date().toISOString(), ok: problems.length === 0, problems };
  if (tables) result.tables = tables;
  await fsp.writeFile(verifiedFile(dir, name), JSON.stringify(result), { mode: 0o600 });
  return result;
}

async function verifyServerDump(
  url: string,
  dump: string,
  expected: TableFingerprint,
): Promise<{ problems: string[]; tables?: TableFingerprint }> {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const temp = `wasl_verify_${Math.random().toString(36).slice(2, 10)}`;
  try {
    try {
      await admin.query(`CREATE DATABASE ${temp}`);
    } catch {
      return { problems: [] }; // No right to create a database: the table of contents was read, which is what can be checked.
    }
    const target = new URL(url);
    target.pathname = `/${temp}`;
    await restoreServer(dump, target.toString());
    const tables = await fingerprintServer(target.toString());
    return { problems: compareTables(expected, tables), tables };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${temp} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
  }
}

/**
 * The restore drill's one step: a backup into an EMPTY target — a new embedded data folder or an empty
 * PostgreSQL database — and its documents into an empty documents folder. Refuses a damaged backup.
 */
export async function restoreBackup(
  file: string,
  target: { dataDir?: string; databaseUrl?: string; uploadDir: string },
): Promise<Manifest> {
  for (const dir of [target.dataDir, target.uploadDir]) {
    if (dir && fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  }
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'wasl-restore-'));
  try {
    const { manifest, problems } = await unpackChecked(file, work);
    if (problems.length > 0) throw new Error(`backup damaged: ${problems.join(', ')}`);
    const dump = path.join(work, manifest.database.name);
    if (manifest.kind === 'embedded') {
      if (!target.dataDir) throw new Error('an embedded backup restores into a data folder (DATA_DIR)');
      const client = await restoreEmbedded(dump, target.dataDir);
      await client.close();
    } else {
      if (!target.databaseUrl) throw new Error('a server backup restores into a database (DATABASE_URL)');
      await restoreServer(dump, target.databaseUrl);
    }
    await fsp.mkdir(target.uploadDir, { recursive: true });
    for (const d of manifest.documents) {
      const to = path.join(target.uploadDir, d.name.slice('documents/'.length));
      await fsp.mkdir(path.dirname(to), { recursive: true });
      await fsp.copyFile(path.join(work, d.name), to);
      await fsp.chmod(to, 0o600);
    }
    return manifest;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

/** Keeps the newest `keep` backups and deletes the rest (with their manifests). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await fsp.readdir(dir).catch(() => [] as string[])).filter(isBackupName).sort().reverse();
  const old = names.slice(keep);
  for (const n of old) {
    for (const f of [path.join(dir, n), sidecar(dir, n), verifiedFile(dir, n)]) await fsp.rm(f, { force: true });
  }
  return old;
}
