import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../../../bench/move-data';
import { TEST_DATABASE_URL } from '../test/harness';
import { type Database, migrateDatabase, openEmbedded, openServer } from './client';
import { moveToServer, TargetNotEmptyError, targetState } from './move-to-server';

// Embedded → server (issue 20). The source is an embedded database; the target is always the PostgreSQL server,
// so this file runs in the postgres project only (vitest.config.ts).

async function newServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wasl_move_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function migrateUrl(url: string): Promise<void> {
  const database = await openServer(url, 2);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}

describe('embedded → server', () => {
  let source: Database;
  const targets: { url: string; drop: () => Promise<void> }[] = [];
  const docsFrom = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-move-from-'));
  const docsTo = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-move-to-'));

  beforeAll(async () => {
    source = await openEmbedded(undefined);
    await migrateDatabase(source);
    await generateFiles(source, 150);
    fs.writeFileSync(path.join(docsFrom, 'a.pdf'), randomBytes(5000));
    fs.mkdirSync(path.join(docsFrom, 'imports'));
    fs.writeFileSync(path.join(docsFrom, 'imports', 'sheet.xlsx'), randomBytes(3000));
  }, 120_000);

  afterAll(async () => {
    await source.close();
    for (const t of targets) await t.drop();
    fs.rmSync(docsFrom, { recursive: true, force: true });
    fs.rmSync(docsTo, { recursive: true, force: true });
  });

  async function target() {
    const t = await newServerDatabase();
    targets.push(t);
    return t;
  }

  it('copies every table and document and finds identical content on the server', async () => {
    const { url } = await target();
    const report = await moveToServer(source, url, () => migrateUrl(url), {
      batchRows: 500,
      documents: { from: docsFrom, to: docsTo },
    });
    expect(report.startedOver).toBe(false);
    expect(report.tables.every((t) => t.same)).toBe(true);
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(byTable.beneficiaries).toBe(150);
    expect(byTable.interactions).toBe(1500);
    expect(byTable.application_services).toBeGreaterThan(150);
    expect(byTable.login_failures).toBe(5);
    expect(report.documents).toBe(2);
    expect(fs.readFileSync(path.join(docsTo, 'a.pdf'))).toEqual(fs.readFileSync(path.join(docsFrom, 'a.pdf')));

    // The server is usable as it is: a row reads back the same, and identity columns continue after the copy.
    const server = await openServer(url, 1);
    try {
      const q = `select national_id, first_name, family_name, created_at from beneficiaries order by national_id limit 3`;
      const here = (await source.db.execute(sql.raw(q))) as unknown as { rows: unknown[] };
      const there = (await server.db.execute(sql.raw(q))) as unknown as { rows: unknown[] };
      expect(there.rows).toEqual(here.rows);
      const next = (await server.db.execute(
        sql.raw(`insert into login_failures (username, ip, at) values ('x', '1.1.1.1', now()) returning id`),
      )) as unknown as { rows: { id: number }[] };
      const max = (await source.db.execute(
        sql.raw(`select coalesce(max(id), 0)::int as m from login_failures`),
      )) as unknown as { rows: { m: number }[] };
      expect(Number(next.rows[0]!.id)).toBe(max.rows[0]!.m + 1);
    } finally {
      await server.close();
    }
    // Copying again into the now-filled database is refused and changes nothing.
    await expect(moveToServer(source, url, () => migrateUrl(url))).rejects.toBeInstanceOf(TargetNotEmptyError);
  });

  it('refuses a database that already holds data', async () => {
    const { url } = await target();
    await migrateUrl(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`insert into organizations (slug, name_ar, name_en) values ('other', 'أخرى', 'Other')`);
    await c.end();
    await expect(moveToServer(source, url, () => migrateUrl(url))).rejects.toBeInstanceOf(TargetNotEmptyError);
  });

  it('finds a row that differs on the server and leaves the copy to be started over', async () => {
    const { url } = await target();
    const tamper = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(
        `update beneficiaries set first_name = first_name || 'x' where ctid = (select min(ctid) from beneficiaries)`,
      );
      await c.end();
    };
    await expect(moveToServer(source, url, () => migrateUrl(url), { beforeVerify: tamper })).rejects.toThrow(
      'Verification failed for beneficiaries;',
    );
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    expect(await targetState(c)).toBe('interrupted');
    await c.end();
  });

  it('starts over cleanly when run again after an interrupted copy', async () => {
    const { url } = await target();
    const stop = new Error('power cut');
    await expect(
      moveToServer(source, url, () => migrateUrl(url), {
        batchRows: 200,
        onBatch: (table, copied) => {
          if (table === 'interactions' && copied >= 600) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    expect(await targetState(c)).toBe('interrupted');
    const partial = await c.query<{ n: number }>('select count(*)::int as n from beneficiaries');
    expect(partial.rows[0]!.n).toBe(150);
    const none = await c.query<{ n: number }>('select count(*)::int as n from interactions');
    expect(none.rows[0]!.n).toBe(0);
    await c.end();

    const report = await moveToServer(source, url, () => migrateUrl(url), { batchRows: 200 });
    expect(report.startedOver).toBe(true);
    expect(report.tables.every((t) => t.same)).toBe(true);
    expect(report.tables.find((t) => t.table === 'interactions')!.rows).toBe(1500);
  });
});
