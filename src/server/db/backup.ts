import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client';

const run = promisify(execFile);

/** Per table: its row count and, when read, a hash of its whole content (md5 of its rows in order). */
export type TableFingerprint = Record<string, { rows: number; md5?: string }>;
type Rows<T> = { rows: T[] };
type Query = <T>(text: string) => Promise<Rows<T>>;

const TABLES = `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;

/** Every table's row count and (unless `countsOnly`) a hash of its content, read through one connection. */
async function fingerprintWith(query: Query, countsOnly = false): Promise<TableFingerprint> {
  const out: TableFingerprint = {};
  for (const { table_name: name } of (await query<{ table_name: string }>(TABLES)).rows) {
    const hash = countsOnly ? '' : `, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as md5`;
    const result = await query<{ rows: number; md5?: string }>(
      `select count(*)::int as rows${hash} from "${name.replaceAll('"', '""')}" t`,
    );
    out[name] = result.rows[0]!;
  }
  return out;
}

/** Every table's row count and a hash of its content, to compare a restored database with the original. */
export async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  return fingerprintWith(async (text) => (await db.execute(sql.raw(text))) as unknown as Rows<never>) as never;
}

/** The embedded database: a consistent copy of the whole data folder (PGlite's own dump), gzipped. */
export async function backupEmbedded(client: PGlite, file: string): Promise<void> {
  const dump = await client.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/**
 * An online copy of the running embedded database and the row count of every table in it. PGlite runs one
 * statement at a time: inside a transaction nobody else can write, so the counts read and the data folder dumped
 * are the same state. Only the counts and the uncompressed dump happen while others wait (content hashes would
 * hold every request for seconds on a large database; verification reads them from the copy instead), and the
 * dump is compressed afterwards. The copy is crash-consistent (committed work is in the WAL on disk); opening it
 * replays the WAL like a restart after a power cut would.
 */
export async function snapshotEmbedded(client: PGlite, file: string): Promise<TableFingerprint> {
  const { tables, dump } = await client.transaction(async (tx) => {
    const counted = await fingerprintWith((text) => tx.query(text) as never, true);
    return { tables: counted, dump: await client.dumpDataDir('none') };
  });
  await pipeline(Readable.from(Buffer.from(await dump.arrayBuffer())), zlib.createGzip(), fs.createWriteStream(file));
  return tables;
}

/**
 * An online copy of the PostgreSQL server's database: a repeatable-read transaction exports its snapshot,
 * the fingerprint is read in it and pg_dump dumps that same snapshot while writes go on.
 */
export async function snapshotServer(url: string, file: string): Promise<TableFingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const tables = await fingerprintWith((text) => client.query(text) as never);
    await run('pg_dump', ['--format=custom', '--no-owner', `--snapshot=${rows[0]!.id}`, `--file=${file}`, url]);
    await client.query('COMMIT');
    return tables;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Opens a new embedded database from a backup (into `dataDir`, or in memory when undefined). */
export async function restoreEmbedded(file: string, dataDir: string | undefined): Promise<PGlite> {
  const blob = new Blob([fs.readFileSync(file)]);
  return PGlite.create({ dataDir, loadDataDir: blob, extensions: { pg_trgm } });
}

/** The fingerprint of an embedded dump, read from a copy opened in memory (the verify step). */
export async function fingerprintEmbeddedDump(file: string): Promise<TableFingerprint> {
  const client = await restoreEmbedded(file, undefined);
  try {
    return await fingerprintWith((text) => client.query(text) as never);
  } finally {
    await client.close();
  }
}

/** The fingerprint of a PostgreSQL database (after a restore). */
export async function fingerprintServer(url: string): Promise<TableFingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fingerprintWith((text) => client.query(text) as never);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The server: pg_dump's custom format (compressed, restorable table by table). */
export async function backupServer(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, url]);
}

export async function restoreServer(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, file]);
}

/** What pg_restore can read of a dump: its table of contents (fails on a damaged file). */
export async function listServerDump(file: string): Promise<number> {
  const { stdout } = await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\n').filter((l) => l && !l.startsWith(';')).length;
}
