import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Database, Db } from './client';
import { GLOBAL_TABLES } from './tenancy';

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every rule of decision 031 that the catalogue of `db` breaks, one line each. */
async function tenancyViolations(db: Db): Promise<string[]> {
  const globals = sql.raw(GLOBAL_TABLES.map((t) => `'${t}'`).join(','));
  const problems: string[] = [];
  const tables = await rows<{ table: string; has_org: boolean; org_nullable: boolean | null; pk: string[] | null }>(
    db,
    sql`select c.relname as "table",
          a.attname is not null as has_org,
          not a.attnotnull as org_nullable,
          (select array_agg(pa.attname::text order by u.ord) from pg_constraint k
             cross join unnest(k.conkey) with ordinality u(n, ord)
             join pg_attribute pa on pa.attrelid = k.conrelid and pa.attnum = u.n
           where k.conrelid = c.oid and k.contype = 'p') as pk
        from pg_class c
        left join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname not in (${globals})`,
  );
  for (const t of tables) {
    if (!t.has_org) problems.push(`${t.table}: no org_id`);
    else if (t.org_nullable) problems.push(`${t.table}: org_id may be null`);
    if (t.pk?.[0] !== 'org_id')
      problems.push(`${t.table}: primary key (${t.pk?.join(', ')}) does not start with org_id`);
  }
  const uniques = await rows<{ table: string; index: string }>(
    db,
    sql`select c.relname as "table", i.indexrelid::regclass::text as index
        from pg_index i join pg_class c on c.oid = i.indrelid
        where i.indisunique and c.relnamespace = 'public'::regnamespace and c.relname not in (${globals})
          and not exists (select 1 from unnest(i.indkey::int2[]) n
                          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = n where a.attname = 'org_id')`,
  );
  for (const u of uniques) problems.push(`${u.table}: unique index ${u.index} leaves org_id out`);
  const fks = await rows<{ table: string; name: string }>(
    db,
    sql`select k.conrelid::regclass::text as "table", k.conname as name
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        where k.contype = 'f' and k.connamespace = 'public'::regnamespace
          and c.relname not in (${globals}) and p.relname not in (${globals})
          and not exists (
            select 1 from unnest(k.conkey, k.confkey) as pair(src, dst)
            join pg_attribute sa on sa.attrelid = k.conrelid and sa.attnum = pair.src
            join pg_attribute da on da.attrelid = k.confrelid and da.attnum = pair.dst
            where sa.attname = 'org_id' and da.attname = 'org_id')`,
  );
  for (const f of fks) problems.push(`${f.table}: foreign key ${f.name} does not pair org_id with the parent's org_id`);
  return problems;
}

describe('Citus-ready schema (decision 031)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('every association table has org_id first in its primary key, unique indexes and foreign keys', async () => {
    expect(await tenancyViolations(database.db)).toEqual([]);
    // The global tables exist (a renamed one would silently leave the list).
    const present = await rows<{ relname: string }>(
      database.db,
      sql`select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    );
    const names = new Set(present.map((r) => r.relname));
    for (const t of GLOBAL_TABLES) expect(names.has(t), t).toBe(true);
    expect(names.size).toBeGreaterThan(50);
  });

  it('the check fails on a table that breaks a rule', async () => {
    // What old code would have written: a nullable org_id, a key on id alone, keys and a unique index without org_id.
    await database.exec(
      `create table tenancy_probe (id uuid primary key, org_id uuid);
       create table tenancy_probe_child (org_id uuid not null, id uuid not null, probe_id uuid references tenancy_probe (id),
         primary key (org_id, id));
       create unique index tenancy_probe_child_uq on tenancy_probe_child (probe_id)`,
    );
    try {
      const problems = await tenancyViolations(database.db);
      expect(problems).toEqual(
        expect.arrayContaining([
          'tenancy_probe: org_id may be null',
          'tenancy_probe: primary key (id) does not start with org_id',
          'tenancy_probe_child: unique index tenancy_probe_child_uq leaves org_id out',
          "tenancy_probe_child: foreign key tenancy_probe_child_probe_id_fkey does not pair org_id with the parent's org_id",
        ]),
      );
    } finally {
      await database.exec('drop table if exists tenancy_probe_child; drop table if exists tenancy_probe');
    }
  });
});

describe('migration 0027 on a database with data', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-migrations-'));
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase({ migrate: false }));
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('copies org_id into child rows from their parents and converts every key', async () => {
    // The migrations before 0027 only, from a copy of the folder whose journal stops there.
    const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
    fs.cpSync(source, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0027');
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    await database.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // Both drivers' migrators share one implementation (the dialect's); the PGlite entry point takes either.
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific database type
    await migrate(database.db as any, { migrationsFolder: folder });

    await database.exec(`
      insert into organizations (id, slug, name_ar, name_en) values
        ('00000000-0000-4000-8000-000000000001', 'a', 'أ', 'A'), ('00000000-0000-4000-8000-000000000002', 'b', 'ب', 'B');
      insert into branches (id, org_id, code, name_ar, name_en) values
        ('00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000001', 'HQ', 'ر', 'HQ'),
        ('00000000-0000-4000-8000-000000000012', '00000000-0000-4000-8000-000000000002', 'HQ', 'ر', 'HQ');
      insert into users (id, org_id, branch_id, username, display_name, role, password_hash) values
        ('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', 'u1', 'U', 'committee', 'x'),
        ('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000012', 'u2', 'U', 'committee', 'x');
      insert into services (id, org_id, code, name_ar, name_en) values
        ('00000000-0000-4000-8000-000000000031', '00000000-0000-4000-8000-000000000002', 'S', 'خ', 'S');
      insert into beneficiaries (id, org_id, branch_id, file_number, national_id, first_name, father_name, grandfather_name,
          family_name, name_norm, gender, birth_date, mobile, district, district_norm, monthly_income, housing,
          family_status, water_source, storage_litres, people_at_home) values
        ('00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000012',
         'F-1', '1000000001', 'أ', 'ب', 'ج', 'د', 'ا ب ج د', 'female', '1980-01-01', '+966500000001', 'ح', 'ح', 0,
         'rented', 'widow', 'tank', 0, 1);
      insert into applications (id, org_id, beneficiary_id, branch_id, reference, channel) values
        ('00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000041',
         '00000000-0000-4000-8000-000000000012', 'APP-1', 'meeting');
      insert into application_services (application_id, service_id) values
        ('00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000031');
      insert into completion_items (application_id, step_key, label_ar, label_en) values
        ('00000000-0000-4000-8000-000000000051', 'visit', 'زيارة', 'Visit');
      insert into committee_meetings (id, org_id, reference, scheduled_at, location, chair_user_id) values
        ('00000000-0000-4000-8000-000000000061', '00000000-0000-4000-8000-000000000002', 'M-1', now(), 'ق',
         '00000000-0000-4000-8000-000000000022');
      insert into meeting_attendees (meeting_id, user_id) values
        ('00000000-0000-4000-8000-000000000061', '00000000-0000-4000-8000-000000000022');
      insert into inbound_messages (provider, provider_message_id) values ('sms', 'm-1');
    `);

    await database.migrate();

    const children = await rows<{ t: string; org_id: string }>(
      database.db,
      sql`select 'application_services' as t, org_id from application_services
          union all select 'completion_items', org_id from completion_items
          union all select 'meeting_attendees', org_id from meeting_attendees`,
    );
    expect(children).toEqual([
      { t: 'application_services', org_id: '00000000-0000-4000-8000-000000000002' },
      { t: 'completion_items', org_id: '00000000-0000-4000-8000-000000000002' },
      { t: 'meeting_attendees', org_id: '00000000-0000-4000-8000-000000000002' },
    ]);
    // A processed provider message goes to the first association, so a provider's retry is still skipped.
    const inbound = await rows<{ org_id: string }>(database.db, sql`select org_id from inbound_messages`);
    expect(inbound).toEqual([{ org_id: '00000000-0000-4000-8000-000000000001' }]);
    expect(await tenancyViolations(database.db)).toEqual([]);
    // The widened keys now refuse a row that points at another association's record.
    await expect(
      database.exec(`insert into application_services (org_id, application_id, service_id) values
        ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000031')`),
    ).rejects.toThrow(/foreign key/);
  });
});
