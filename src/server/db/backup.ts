import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { Db } from './client';

const run = promisify(execFile);

/** Every table's row count and a hash of its content, to compare a restored database with the original. */
export async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { table_name: name } of (tables as unknown as { rows: { table_name: string }[] }).rows) {
    const result = await db.execute(
      sql.raw(
        `select count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as md5 from "${name}" t`,
      ),
    );
    out[name] = (result as unknown as { rows: { rows: number; md5: string }[] }).rows[0]!;
  }
  return out;
}

/** The embedded database: a consistent copy of the whole data folder (PGlite's own dump), gzipped. */
export async function backupEmbedded(client: PGlite, file: string): Promise<void> {
  const dump = await client.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Opens a new embedded database from a backup (into `dataDir`, or in memory when undefined). */
export async function restoreEmbedded(file: string, dataDir: string | undefined): Promise<PGlite> {
  const blob = new Blob([fs.readFileSync(file)]);
  return PGlite.create({ dataDir, loadDataDir: blob, extensions: { pg_trgm } });
}

/** The server: pg_dump's custom format (compressed, restorable table by table). */
export async function backupServer(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, url]);
}

export async function restoreServer(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, file]);
}
