import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOrderKey, DEFAULT_DUPLICATE_RULES, nameWords, scorePair } from '../../../common/domain/duplicates';
import { makeNationalId } from '../../../common/saudi';
import { beneficiaries } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { findPairs } from './duplicate-sweep';
import { parseCliArgs, runCliImport } from './import-cli';
import { IMPORT_BATCH, importHooks, importSettled } from './run-import';
import { type SampleCell, sampleRows, sampleXlsx } from './test-sheets';

let ctx: TestContext;
let manager: TestClient;
let officer: TestClient;
let existing: { nationalId: string; mobile: string };

beforeAll(async () => {
  ctx = await createTestContext();
  [manager, officer] = await signedInAs(ctx.app, ['manager', 'officer'] as const);
  const input = beneficiaryInput(ctx.branchIds.HQ!);
  expect((await officer.post('/api/beneficiaries', input)).status).toBe(201);
  existing = { nationalId: input.nationalId, mobile: `+966${input.mobile.slice(1)}` };
});
afterAll(async () => {
  importHooks.afterBatch = undefined;
  await ctx.close();
});

async function count(table: string, where = 'true') {
  const result = await ctx.deps.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

async function upload(file: Buffer, name: string) {
  const boundary = `----wasl${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="branchId"\r\n\r\n${ctx.branchIds.HQ}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await manager.request('POST', '/api/imports', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const preview = await manager.post(`/api/imports/${res.body.id}/preview`, { mapping: res.body.mapping });
  expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  return res.body.id as string;
}

const GIVEN = ['محمد', 'سعد', 'فهد', 'نورة', 'عبد الله'];
const FAMILY = ['القحطاني', 'الزهراني', 'الدوسري'];
/**
 * `n` head rows; every 25th (row index 24, 49, …) has a landline for a mobile, so it is invalid. Names repeat
 * on purpose (5 given names, 3 families) and every 7th row shares the mobile of the row before, so the duplicate
 * sweep has many blocks to compare.
 */
function bulkRows(n: number, seed: number): SampleCell[][] {
  return Array.from({ length: n }, (_, i) => {
    const mobileOf = (k: number) => `05${String(seed).padStart(3, '0')}${String(k).padStart(5, '0')}`;
    return [
      makeNationalId(`2${String(seed).padStart(3, '0')}${String(i).padStart(5, '0')}`),
      `${GIVEN[i % 5]} ${GIVEN[(i >> 2) % 5]} ${GIVEN[(i >> 4) % 5]} ${FAMILY[i % 3]}`,
      'ذكر',
      `${1380 + (i % 20)}/05/12`,
      i % 25 === 24 ? '0112345678' : mobileOf(i % 7 === 6 ? i - 1 : i),
      'الروضة',
      2,
      null,
      null,
    ];
  });
}
const invalidIn = (n: number) => Math.floor(n / 25);

describe('keeping invalid rows as files that need correction', () => {
  it('keeps invalid head rows with their reasons when asked, lists them, and clears the flag when corrected', async () => {
    const { rows } = sampleRows(310, existing.nationalId, existing.mobile);
    const file = await sampleXlsx(rows);
    const filesBefore = await count('beneficiaries');
    const id = await upload(file, 'keep.xlsx');
    expect((await manager.post(`/api/imports/${id}/run`, { keepInvalid: 'yes' })).status).toBe(400);
    const run = await manager.post(`/api/imports/${id}/run`, { keepInvalid: true });
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    await importSettled(id);
    const done = (await manager.get(`/api/imports/${id}`)).body;
    expect(done.status).toBe('done');
    // Rows 7 (check digit) and 8 (landline, two-part name) are heads kept; row 11, a member without its head,
    // is not a file and stays in the report only. No file was created for the kept rows.
    expect(done.counts).toMatchObject({ created: 4, invalid: 3 });
    expect(await count('beneficiaries')).toBe(filesBefore + 4);
    expect(await count('import_corrections', `import_id = '${id}'`)).toBe(2);

    const quality = await manager.get('/api/data-quality');
    expect(quality.body.needsCorrection).toBe(2);
    const list = await manager.get('/api/import-corrections');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    const row8 = list.body.items.find((r: { row: number }) => r.row === 8);
    expect(row8).toMatchObject({ name: 'هند صالح', values: { fullName: 'هند صالح', mobile: '0112345678' } });
    expect(row8.issues.map((i: { code: string }) => i.code).sort()).toEqual(['field.mobile', 'import.name_parts']);
    expect(row8.issues[0].message).toBeTruthy();
    expect((await officer.get('/api/import-corrections')).status).toBe(403);
    expect((await officer.post(`/api/import-corrections/${row8.id}`, { values: {} })).status).toBe(403);

    // Still wrong: a 400 naming the field, and nothing written.
    const audits = await count('audit_log');
    const still = await manager.post(`/api/import-corrections/${row8.id}`, {
      values: { fullName: 'هند صالح علي الحربي' },
    });
    expect(still.status).toBe(400);
    expect(still.body.code).toBe('import.correction_invalid');
    expect(still.body.details).toEqual([{ field: 'mobile', message: expect.any(String) }]);
    expect(await count('beneficiaries')).toBe(filesBefore + 4);
    expect(await count('audit_log')).toBe(audits);
    expect((await manager.post(`/api/import-corrections/${row8.id}`, { values: { shoeSize: '44' } })).status).toBe(400);

    const fixed = await manager.post(`/api/import-corrections/${row8.id}`, {
      values: { fullName: 'هند صالح علي الحربي', mobile: '0551234987' },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
    const file8 = await officer.get(`/api/beneficiaries/${fixed.body.beneficiaryId}`);
    expect(file8.body).toMatchObject({
      firstName: 'هند',
      familyName: 'الحربي',
      mobile: '+966551234987',
      birthDate: '1992-02-02',
      district: 'الورود',
    });
    expect((await manager.get('/api/data-quality')).body.needsCorrection).toBe(1);
    expect((await manager.get('/api/import-corrections')).body.items.map((r: { row: number }) => r.row)).toEqual([7]);
    expect(await count('audit_log', `action = 'import.row_corrected' and entity_id = '${row8.id}'`)).toBe(1);
    const again = await manager.post(`/api/import-corrections/${row8.id}`, { values: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('import.correction_done');

    // The same sheet imported again keeps nothing twice and creates nothing twice.
    const second = await upload(file, 'keep-again.xlsx');
    await manager.post(`/api/imports/${second}/run`, { keepInvalid: true });
    await importSettled(second);
    expect(await count('import_corrections', `import_id = '${second}'`)).toBe(0);
    expect(await count('beneficiaries')).toBe(filesBefore + 5);
    expect((await manager.get('/api/import-corrections/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('leaves invalid rows out unless asked; the command line asks with --keep-invalid', async () => {
    const { rows } = sampleRows(320, existing.nationalId, existing.mobile);
    const file = await sampleXlsx(rows);
    const left = await upload(file, 'left-out.xlsx');
    await manager.post(`/api/imports/${left}/run`);
    await importSettled(left);
    expect(await count('import_corrections', `import_id = '${left}'`)).toBe(0);

    const { rows: other } = sampleRows(330, existing.nationalId, existing.mobile);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-keep-'));
    const sheet = path.join(dir, 'registry.xlsx');
    fs.writeFileSync(sheet, await sampleXlsx(other));
    const lines: string[] = [];
    const counts = await runCliImport(ctx.deps, parseCliArgs([sheet, '--json', '--keep-invalid']), (l) =>
      lines.push(l),
    );
    expect(counts).toMatchObject({ created: 4, invalid: 3 });
    expect(lines).toContain('kept for correction: 2');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('an import of several batches', () => {
  let seed = 400;
  it('stopped after some batches, then resumed, creates each file once and ends with the right counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2 * IMPORT_BATCH + 1, max: 2 * IMPORT_BATCH + 80 }),
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        async (n, stopAfter, keepInvalid) => {
          seed++;
          const filesBefore = await count('beneficiaries');
          const id = await upload(await sampleXlsx(bulkRows(n, seed)), `bulk-${seed}.xlsx`);
          let batches = 0;
          importHooks.afterBatch = () => {
            if (++batches === stopAfter) throw new Error('stopped by the test between two batches');
          };
          expect((await manager.post(`/api/imports/${id}/run`, { keepInvalid })).status).toBe(202);
          await importSettled(id);
          importHooks.afterBatch = undefined;
          const stopped = (await manager.get(`/api/imports/${id}`)).body;
          expect(stopped.status).toBe('running');
          // The batches written before the stop are there, and only they.
          const written = stopAfter * IMPORT_BATCH;
          const heads = keepInvalid ? written : Math.min(n - invalidIn(n), written);
          const createdSoFar = keepInvalid ? heads - invalidIn(heads) : heads;
          expect(stopped.counts.created).toBe(createdSoFar);
          expect(await count('beneficiaries')).toBe(filesBefore + createdSoFar);

          // Resumed (the choice made at the start is kept, whatever the second request says).
          expect((await manager.post(`/api/imports/${id}/run`, { keepInvalid: !keepInvalid })).status).toBe(202);
          await importSettled(id);
          const done = (await manager.get(`/api/imports/${id}`)).body;
          expect(done.status).toBe('done');
          expect(done.counts).toMatchObject({ rows: n, valid: n - invalidIn(n), invalid: invalidIn(n) });
          expect(done.counts.created).toBe(n - invalidIn(n));
          expect(await count('beneficiaries')).toBe(filesBefore + n - invalidIn(n));
          expect(await count('audit_log', `action = 'beneficiary.imported' and details->>'importId' = '${id}'`)).toBe(
            n - invalidIn(n),
          );
          expect(await count('import_corrections', `import_id = '${id}'`)).toBe(keepInvalid ? invalidIn(n) : 0);
          expect(
            await count('audit_log', `action = 'import.resumed' and entity_id = '${id}'`),
            'one resumption audited',
          ).toBe(1);
        },
      ),
      { numRuns: 3 },
    );
  }, 300_000);
});

describe('the duplicate sweep in bounded memory', () => {
  it('finds, in partitioned passes, exactly the pairs one pass and a brute-force comparison find', async () => {
    const orgId = (await ctx.deps.db.execute(sql.raw('select org_id from beneficiaries limit 1'))) as unknown as {
      rows: { org_id: string }[];
    };
    const org = orgId.rows[0]!.org_id;
    const rules = DEFAULT_DUPLICATE_RULES;
    const onePass = await findPairs(ctx.deps.db, org, rules);
    // About 15 files a partition: dozens of passes over the registry.
    const partitioned = await findPairs(ctx.deps.db, org, rules, 15);
    const key = (p: { aId: string; bId: string; score: number }) => `${p.aId}|${p.bId}|${p.score}`;
    expect(onePass.length).toBeGreaterThan(50);
    expect(partitioned.map(key).sort()).toEqual(onePass.map(key).sort());
    expect(new Set(partitioned.map(key)).size).toBe(partitioned.length);

    // Brute force over every pair that shares a mobile, the name in any order, or first and family name (no
    // block here is over the size limit).
    const live = (
      await ctx.deps.db
        .select({
          id: beneficiaries.id,
          nameNorm: beneficiaries.nameNorm,
          birthDate: beneficiaries.birthDate,
          mobile: beneficiaries.mobile,
          mobile2: beneficiaries.mobile2,
          lat: beneficiaries.lat,
          lng: beneficiaries.lng,
        })
        .from(beneficiaries)
        .where(and(eq(beneficiaries.orgId, org), isNull(beneficiaries.mergedInto), isNull(beneficiaries.anonymisedAt)))
    ).map((r) => ({ ...r, mobiles: [r.mobile, ...(r.mobile2 ? [r.mobile2] : [])] }));
    const blockKeys = (f: (typeof live)[number]) => {
      const w = nameWords(f.nameNorm);
      return new Set([...f.mobiles.map((m) => `m:${m}`), `n:${anyOrderKey(f.nameNorm)}`, `f:${w[0]} ${w.at(-1)}`]);
    };
    const brute: string[] = [];
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const [a, b] = live[i]!.id < live[j]!.id ? [live[i]!, live[j]!] : [live[j]!, live[i]!];
        const ka = blockKeys(a);
        if (![...blockKeys(b)].some((k) => ka.has(k))) continue;
        const { score } = scorePair(a, b, rules.weights);
        if (score >= rules.threshold) brute.push(`${a.id}|${b.id}|${score}`);
      }
    }
    expect(onePass.map(key).sort()).toEqual(brute.sort());
  });
});
