import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from './client';

/**
 * Embedded → server (issue 20): every table of an embedded data folder copied into an empty PostgreSQL database
 * that carries the same migrations, then both sides compared table by table. A schema `wasl_move` on the target
 * marks a copy in progress: its presence means an earlier run stopped half-way, so the next run empties what that
 * run wrote and starts over; it is dropped only once the verification has passed.
 */

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

export type TableCheck = { table: string; rows: number; sourceHash: string; targetHash: string; same: boolean };
export type MoveReport = {
  tables: TableCheck[];
  rows: number;
  documents: number;
  startedOver: boolean;
  copyMs: number;
  verifyMs: number;
};
export type MoveOptions = {
  batchRows?: number;
  /** Copies the uploaded documents here (absent: they stay where they are). */
  documents?: { from: string; to: string };
  /** Called after each batch; tests throw from it to interrupt a copy half-way. */
  onBatch?: (table: string, copied: number) => void | Promise<void>;
  /** Called between the copy and the verification; tests change the target there to see verification fail. */
  beforeVerify?: () => Promise<void>;
  log?: (line: string) => void;
};

export class TargetNotEmptyError extends Error {}

const MARKER = 'wasl_move';

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function fromPglite(client: PGlite): Query {
  return async (text, params) => (await client.query(text, params as never[])) as never;
}

function fromPg(client: pg.Client): Query {
  return async (text, params) => (await client.query(text, params as never[])) as never;
}

async function tableNames(query: Query): Promise<string[]> {
  const { rows } = await query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function dependencyOrder(query: Query, tables: string[]): Promise<string[]> {
  const { rows } = await query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '').replaceAll('""', '"');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of rows) parents.get(unquote(r.child))?.add(unquote(r.parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('The tables reference each other in a cycle; cannot order the copy.');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** Columns a row is written with (generated columns are computed by the target) and the key rows are read by. */
async function tableShape(query: Query, table: string): Promise<{ columns: string[]; key: string[] }> {
  const columns = await query<{ name: string }>(
    `select attname as name from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
     order by attnum`,
    [quoteIdent(table)],
  );
  const key = await query<{ name: string }>(
    `select a.attname as name from pg_index i
     join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
     where i.indrelid = $1::regclass and i.indisprimary order by k.ord`,
    [quoteIdent(table)],
  );
  return { columns: columns.rows.map((r) => r.name), key: key.rows.map((r) => r.name) };
}

/**
 * A table's row count and a hash of its content, computed by the same SQL on both sides: the md5 of each row's
 * text form (written columns only), sorted, hashed together — 32 bytes per row held at once, so a table of a
 * million rows fits. Time zone and output settings are fixed first so both sides print values alike.
 */
async function tableHash(query: Query, table: string, columns: string[]): Promise<{ rows: number; md5: string }> {
  const list = columns.map(quoteIdent).join(', ');
  const { rows } = await query<{ rows: number; md5: string }>(
    `select count(*)::int as rows, coalesce(md5(string_agg(h, '' order by h)), '') as md5
     from (select md5(row(${list})::text) as h from ${quoteIdent(table)}) t`,
  );
  return rows[0]!;
}

async function fixSessionSettings(query: Query): Promise<void> {
  await query(`set time zone 'UTC'`);
  await query('set datestyle = iso, mdy');
  await query('set extra_float_digits = 1');
  await query(`set intervalstyle = 'postgres'`);
}

/** What the target holds: nothing (ready), an interrupted copy of ours, or data someone else put there. */
export async function targetState(target: pg.Client): Promise<'empty' | 'interrupted' | 'not-empty'> {
  const marker = await target.query(`select 1 from pg_namespace where nspname = $1`, [MARKER]);
  if (marker.rowCount) return 'interrupted';
  const query = fromPg(target);
  for (const table of await tableNames(query)) {
    const { rows } = await query<{ any: boolean }>(`select exists (select 1 from ${quoteIdent(table)}) as any`);
    if (rows[0]!.any) return 'not-empty';
  }
  return 'empty';
}

/** Empties every table an interrupted copy of ours wrote to (their triggers forbid it otherwise: audit log). */
async function emptyTarget(query: Query): Promise<void> {
  const tables = (await tableNames(query)).map(quoteIdent);
  if (tables.length === 0) return;
  for (const t of tables) await query(`alter table ${t} disable trigger user`);
  await query(`truncate ${tables.join(', ')} restart identity cascade`);
  for (const t of tables) await query(`alter table ${t} enable trigger user`);
}

async function copyTable(
  source: Query,
  target: Query,
  table: string,
  shape: { columns: string[]; key: string[] },
  batchRows: number,
  onBatch?: MoveOptions['onBatch'],
): Promise<number> {
  const list = shape.columns.map(quoteIdent).join(', ');
  // Keyset pages by primary key; a table without one is read in the order of its rows' text.
  const order = shape.key.length ? shape.key.map(quoteIdent).join(', ') : `t::text`;
  let after: unknown[] | null = null;
  let offset = 0;
  let copied = 0;
  for (;;) {
    let where = '';
    let params: unknown[] = [];
    if (shape.key.length && after) {
      where = `where (${order}) > (${shape.key.map((_, i) => `$${i + 1}`).join(', ')})`;
      params = after;
    }
    const page = shape.key.length ? '' : ` offset ${offset}`;
    const { rows } = await source<{ batch: string | null; last: string | null }>(
      `select json_agg(t)::text as batch, ${
        shape.key.length
          ? `((array_agg(json_build_array(${shape.key.map((k) => `${quoteIdent(k)}::text`).join(', ')})::text order by ${shape.key.map((k) => `${quoteIdent(k)} desc`).join(', ')}))[1])`
          : 'null'
      } as last
       from (select ${list} from ${quoteIdent(table)} t ${where} order by ${order} limit ${batchRows}${page}) t`,
      params,
    );
    const batch = rows[0]?.batch;
    if (!batch) return copied;
    // The rows travel as JSON and are turned back into the table's row type on the target.
    const result = await target(
      `insert into ${quoteIdent(table)} (${list}) overriding system value
       select ${list} from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
      [batch],
    );
    const n = (result as unknown as { rowCount: number }).rowCount;
    copied += n;
    offset += n;
    after = rows[0]!.last ? (JSON.parse(rows[0]!.last) as unknown[]) : null;
    await onBatch?.(table, copied);
    if (n < batchRows) return copied;
  }
}

/** Identity columns continue after the highest copied value (OVERRIDING SYSTEM VALUE does not move them). */
async function resetIdentities(query: Query, table: string): Promise<void> {
  const { rows } = await query<{ column: string; seq: string | null }>(
    `select attname as column, pg_get_serial_sequence($1, attname) as seq from pg_attribute
     where attrelid = $1::regclass and attidentity <> '' and attnum > 0`,
    [quoteIdent(table)],
  );
  for (const r of rows) {
    if (!r.seq) continue;
    await query(
      `select setval($1, coalesce((select max(${quoteIdent(r.column)}) from ${quoteIdent(table)}), 0) + 1, false)`,
      [r.seq],
    );
  }
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.promises.readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** Copies every document; a file already there with the same content (an earlier run) is kept. */
export async function copyDocuments(from: string, to: string): Promise<number> {
  if (path.resolve(from) === path.resolve(to)) return (await listFiles(from)).length;
  const files = await listFiles(from);
  for (const rel of files) {
    const src = path.join(from, rel);
    const dst = path.join(to, rel);
    const want = await sha256(src);
    if (fs.existsSync(dst) && (await sha256(dst)) === want) continue;
    await fs.promises.mkdir(path.dirname(dst), { recursive: true });
    await fs.promises.copyFile(src, `${dst}.part`);
    await fs.promises.rename(`${dst}.part`, dst);
    if ((await sha256(dst)) !== want) throw new Error(`The copy of document ${rel} differs from the original.`);
  }
  return files.length;
}

/**
 * Copies the embedded database (already migrated, not in use by a running server) into the server at
 * `targetUrl`, which `migrateTarget` brings to the same migrations first. Throws TargetNotEmptyError when the
 * target holds data that no earlier run of this copy wrote.
 */
export async function moveToServer(
  source: Database,
  targetUrl: string,
  migrateTarget: () => Promise<void>,
  opts: MoveOptions = {},
): Promise<MoveReport> {
  if (!source.pglite) throw new Error('The source must be the embedded database.');
  const log = opts.log ?? (() => {});
  const batchRows = opts.batchRows ?? 2_000;
  const target = new pg.Client({ connectionString: targetUrl });
  await target.connect();
  const src = fromPglite(source.pglite);
  const dst = fromPg(target);
  try {
    const state = await targetState(target);
    if (state === 'not-empty') {
      throw new TargetNotEmptyError(
        'The target database already holds data. Wasl copies only into an empty database, so nothing there is overwritten; create a new database (createdb) and run this again.',
      );
    }
    const startedOver = state === 'interrupted';
    await dst(`create schema if not exists ${MARKER}`);
    await migrateTarget();
    if (startedOver) {
      log('An earlier copy stopped half-way: emptying what it wrote and starting over.');
      await emptyTarget(dst);
    }
    await fixSessionSettings(src);
    await fixSessionSettings(dst);
    const sourceTables = await tableNames(src);
    const targetTables = new Set(await tableNames(dst));
    const missing = sourceTables.filter((t) => !targetTables.has(t));
    if (missing.length) throw new Error(`The target lacks tables the data folder has: ${missing.join(', ')}`);
    const order = await dependencyOrder(dst, sourceTables);
    const shapes = new Map<string, { columns: string[]; key: string[] }>();

    const copyStart = Date.now();
    let rows = 0;
    for (const table of order) {
      const shape = await tableShape(src, table);
      shapes.set(table, shape);
      // Each table in one transaction on the target: an interruption leaves whole tables or none of one.
      await dst('begin');
      try {
        const n = await copyTable(src, dst, table, shape, batchRows, opts.onBatch);
        await resetIdentities(dst, table);
        await dst('commit');
        rows += n;
        if (n > 0) log(`copied ${table}: ${n} rows`);
      } catch (error) {
        await dst('rollback').catch(() => {});
        throw error;
      }
    }
    const copyMs = Date.now() - copyStart;

    await opts.beforeVerify?.();
    const verifyStart = Date.now();
    const tables: TableCheck[] = [];
    for (const table of order) {
      const columns = shapes.get(table)!.columns;
      const a = await tableHash(src, table, columns);
      const b = await tableHash(dst, table, columns);
      const same = a.rows === b.rows && a.md5 === b.md5;
      tables.push({ table, rows: a.rows, sourceHash: a.md5, targetHash: b.md5, same });
      if (!same) log(`DIFFERS ${table}: ${a.rows} rows here, ${b.rows} on the server`);
    }
    const verifyMs = Date.now() - verifyStart;
    const bad = tables.filter((t) => !t.same);
    if (bad.length) {
      throw new Error(`Verification failed for ${bad.map((t) => t.table).join(', ')}; run the command again.`);
    }
    const documents = opts.documents ? await copyDocuments(opts.documents.from, opts.documents.to) : 0;
    await dst(`drop schema ${MARKER}`);
    return { tables, rows, documents, startedOver, copyMs, verifyMs };
  } finally {
    await target.end().catch(() => {});
  }
}
