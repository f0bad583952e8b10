import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../common/domain/registry-import';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { parseCliArgs, runCliImport } from './import-cli';
import { importSettled } from './run-import';
import { SAMPLE_HEADERS, sampleCsv, sampleRows, sampleXlsx } from './test-sheets';

let ctx: TestContext;
let manager: TestClient;
let admin: TestClient;
let officer: TestClient;
let existing: { nationalId: string; mobile: string; id: string };

beforeAll(async () => {
  ctx = await createTestContext();
  [manager, admin, officer] = await signedInAs(ctx.app, ['manager', 'admin', 'officer'] as const);
  const input = beneficiaryInput(ctx.branchIds.HQ!);
  const res = await officer.post('/api/beneficiaries', input);
  existing = { nationalId: input.nationalId, mobile: `+966${input.mobile.slice(1)}`, id: res.body.id };
});
afterAll(async () => {
  await ctx.close();
});

async function count(table: string, where = 'true') {
  const result = await ctx.deps.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

function multipart(file: Buffer, name: string, fields: Record<string, string>) {
  const boundary = `----wasl${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: TestClient, file: Buffer, name: string, branch = 'HQ') {
  const { body, headers } = multipart(file, name, { branchId: ctx.branchIds[branch]! });
  return client.request('POST', '/api/imports', body, headers);
}

async function waitDone(client: TestClient, id: string) {
  await importSettled(id);
  const res = await client.get(`/api/imports/${id}`);
  expect(res.body.status).toBe('done');
  return res.body;
}

describe('importing a registry from a sheet', () => {
  it.each([
    ['xlsx', 10],
    ['utf-8', 20],
    ['utf-8-bom', 30],
    ['windows-1256', 40],
  ] as const)('%s: mapping, dry run with row report, apply, and a re-run creates nothing', async (kind, seed) => {
    const { rows, ids } = sampleRows(seed, existing.nationalId, existing.mobile);
    const file = kind === 'xlsx' ? await sampleXlsx(rows) : sampleCsv(rows, kind);
    const filesBefore = await count('beneficiaries');
    const up = await upload(manager, file, kind === 'xlsx' ? 'سجل المستفيدين.xlsx' : 'registry.csv');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.format).toBe(kind === 'xlsx' ? 'xlsx' : 'csv');
    expect(up.body.mapping).toEqual({
      nationalId: 'رقم الهوية',
      fullName: 'الاسم الرباعي',
      gender: 'الجنس',
      birthDate: 'تاريخ الميلاد',
      mobile: 'الجوال',
      district: 'الحي',
      householdSize: 'عدد أفراد الأسرة',
      headNationalId: 'هوية رب الأسرة',
      relation: 'صلة القرابة',
    });
    expect(up.body.counts.rows).toBe(10);
    expect(up.body.sample).toHaveLength(5);

    const preview = await manager.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.mapping });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.import.counts).toMatchObject({ rows: 10, valid: 5, invalid: 3, duplicates: 2, created: 0 });
    // The first sheet resembles one registry file; later sheets also resemble the same-named files imported before.
    expect(preview.body.suspected).toBe(seed === 10 ? 1 : 4);
    expect(await count('beneficiaries')).toBe(filesBefore);
    const byRow = new Map(preview.body.rows.map((r: { row: number }) => [r.row, r]));
    // Sheet row 7: wrong check digit, with the form's own message, tied to its column.
    expect(byRow.get(7)).toMatchObject({
      status: 'invalid',
      issues: [{ field: 'nationalId', column: 'رقم الهوية', code: 'field.national_id.check_digit' }],
    });
    const row8 = byRow.get(8) as { issues: { code: string; column: string }[] };
    expect(row8.issues.map((i) => i.code).sort()).toEqual(['field.mobile', 'import.name_parts']);
    expect(byRow.get(9)).toMatchObject({ status: 'duplicate', duplicateOf: { row: 3 } });
    expect(byRow.get(11)).toMatchObject({ status: 'invalid', issues: [{ code: 'import.head_not_in_file' }] });
    expect(byRow.get(12)).toMatchObject({ status: 'duplicate', duplicateOf: { fileNumber: expect.any(String) } });
    expect(byRow.get(5)).toMatchObject({ status: 'suspected', duplicateOf: { score: expect.any(Number) } });

    const run = await manager.post(`/api/imports/${up.body.id}/run`);
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    const done = await waitDone(manager, up.body.id);
    expect(done.counts).toMatchObject({ created: 4, duplicates: 2, invalid: 3 });
    expect(done.progress).toEqual({ done: 5, total: 5 });
    expect(await count('beneficiaries')).toBe(filesBefore + 4);

    // The values as typed became the registry's values.
    const search = await officer.get(`/api/beneficiaries?q=${ids.head1}`);
    const file1 = await officer.get(`/api/beneficiaries/${search.body.items[0].id}`);
    expect(file1.body).toMatchObject({
      firstName: 'محمد',
      fatherName: 'عبد الله',
      grandfatherName: 'سعد',
      familyName: 'القحطاني',
      birthDate: '1980-03-29',
      gender: 'male',
      mobile: `+966${sampleMobile(seed, 1)}`,
      branchId: ctx.branchIds.HQ,
    });
    expect(file1.body.household).toMatchObject([{ name: 'نورة سعد', relation: 'spouse', birthDate: '1985-01-01' }]);
    const file2 = await officer.get(`/api/beneficiaries?q=${ids.head2}`);
    expect(file2.body.items[0]).toMatchObject({ district: 'حي النسيم', mobile: `+966${sampleMobile(seed, 2)}` });
    const file4 = (await officer.get(`/api/beneficiaries?q=${ids.head4}`)).body.items[0];
    expect((await officer.get(`/api/beneficiaries/${file4.id}`)).body.birthDate).toBe('1975-04-12');

    // The suspected pair waits in the review queue.
    expect(await count('duplicate_pairs', `(a_id = '${file4.id}' or b_id = '${file4.id}')`)).toBeGreaterThanOrEqual(1);
    expect(await count('duplicate_pairs', `a_id = '${existing.id}' or b_id = '${existing.id}'`)).toBeGreaterThanOrEqual(
      1,
    );
    // Every created file has its audit row.
    expect(await count('audit_log', `action = 'beneficiary.imported' and details->>'importId' = '${up.body.id}'`)).toBe(
      4,
    );

    // The same file again: everything is a duplicate now; nothing is created twice.
    const again = await upload(manager, file, kind === 'xlsx' ? 'again.xlsx' : 'again.csv');
    const preview2 = await manager.post(`/api/imports/${again.body.id}/preview`, { mapping: again.body.mapping });
    expect(preview2.body.import.counts).toMatchObject({ valid: 1, duplicates: 6 });
    await manager.post(`/api/imports/${again.body.id}/run`);
    expect((await waitDone(manager, again.body.id)).counts.created).toBe(0);
    expect(await count('beneficiaries')).toBe(filesBefore + 4);
  });

  it('downloads the error report as Excel with a reason column', async () => {
    const { rows } = sampleRows(50, existing.nationalId, existing.mobile);
    const up = await upload(manager, await sampleXlsx(rows), 'report.xlsx');
    await manager.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.mapping });
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/imports/${up.body.id}/report`,
      headers: { cookie: manager.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(6).value).toBe('السبب');
    const reasons = sheet.getColumn(6).values.slice(2).map(String);
    expect(reasons.some((r) => r.includes('خانة التحقق'))).toBe(true);
    expect(sheet.getColumn(1).values.slice(2)).toContain(7);
  });

  it('corrects a mapping, saves it, and proposes it for the next sheet', async () => {
    const { rows } = sampleRows(60, existing.nationalId, existing.mobile);
    const up = await upload(manager, await sampleXlsx(rows), 'mapping.xlsx');
    // A wrong mapping first: the district column taken for the mobile.
    const wrong = await manager.post(`/api/imports/${up.body.id}/preview`, {
      mapping: { ...up.body.mapping, mobile: 'الحي' },
    });
    expect(wrong.body.import.counts.invalid).toBeGreaterThan(3);
    const missing = await manager.post(`/api/imports/${up.body.id}/preview`, {
      mapping: { ...up.body.mapping, mobile: undefined },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('import.mapping_incomplete');
    const unknown = await manager.post(`/api/imports/${up.body.id}/preview`, {
      mapping: { ...up.body.mapping, mobile: 'لا يوجد' },
    });
    expect(unknown.body.code).toBe('import.unknown_column');
    const fixed = await manager.post(`/api/imports/${up.body.id}/preview`, {
      mapping: up.body.mapping,
      defaults: { housing: 'rented' },
      saveMappingAs: 'سجل الجمعية',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.import.counts.invalid).toBe(3);
    const mappings = await manager.get('/api/import-mappings');
    expect(mappings.body.items.map((m: { name: string }) => m.name)).toContain('سجل الجمعية');
    const taken = await manager.post(`/api/imports/${up.body.id}/preview`, {
      mapping: up.body.mapping,
      saveMappingAs: 'سجل الجمعية',
    });
    expect(taken.status).toBe(409);
    const next = await upload(manager, await sampleXlsx(rows), 'next.xlsx');
    expect(next.body.savedMapping).toMatchObject({ name: 'سجل الجمعية' });
    // Run before a dry run is refused.
    expect((await manager.post(`/api/imports/${next.body.id}/run`)).body.code).toBe('import.not_previewed');
  });

  it('answers bad files with a clear 4xx and writes nothing', async () => {
    const before = await count('registry_imports');
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('%PDF-1.7\u0000\u0001\u0002\u0003'), 'x.csv', 415, 'import.not_spreadsheet'],
      [Buffer.from('PK\u0003\u0004 broken'), 'x.xlsx', 415, 'import.not_spreadsheet'],
      [
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.from('EncryptedPackage', 'utf16le'),
        ]),
        'l.xlsx',
        415,
        'import.password_protected',
      ],
      [Buffer.from('a,b\r\n'), 'x.csv', 400, 'import.empty'],
    ];
    for (const [bytes, name, status, code] of cases) {
      const res = await upload(manager, bytes, name);
      expect(res.status, code).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toBeTruthy();
    }
    const noFile = await manager.post('/api/imports', {});
    expect(noFile.status).toBe(400);
    const { body, headers } = multipart(Buffer.from('a,b\r\n1,2'), 'x.csv', { branchId: 'nope' });
    expect((await manager.request('POST', '/api/imports', body, headers)).status).toBe(400);
    expect(await count('registry_imports')).toBe(before);
  });

  it('runs from the command line: a dry run writes nothing, then the import; the counts line ends the output', async () => {
    const { rows } = sampleRows(80, existing.nationalId, existing.mobile);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-cli-'));
    const file = path.join(dir, 'registry.xlsx');
    fs.writeFileSync(file, await sampleXlsx(rows));
    const before = await count('beneficiaries');
    const lines: string[] = [];
    const dry = await runCliImport(ctx.deps, parseCliArgs([file, '--dry-run']), (l) => lines.push(l));
    expect(dry).toMatchObject({ rows: 10, valid: 5, invalid: 3, duplicates: 2, created: 0, updated: 0 });
    expect(lines.some((l) => l.startsWith('row 7: invalid'))).toBe(true);
    expect(await count('beneficiaries')).toBe(before);
    const mappingFile = path.join(dir, 'mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify(proposeMapping(SAMPLE_HEADERS)));
    const real = await runCliImport(ctx.deps, parseCliArgs([file, '--json', '--mapping', mappingFile]), () => {});
    expect(Object.keys(real)).toEqual(['rows', 'valid', 'invalid', 'duplicates', 'created', 'updated']);
    expect(real.created).toBe(4);
    expect(await count('beneficiaries')).toBe(before + 4);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is for the admin and the manager only', async () => {
    const { rows } = sampleRows(70, existing.nationalId, existing.mobile);
    const file = await sampleXlsx(rows);
    expect((await upload(officer, file, 'x.xlsx')).status).toBe(403);
    const byAdmin = await upload(admin, file, 'x.xlsx');
    expect(byAdmin.status).toBe(201);
    expect((await officer.get(`/api/imports/${byAdmin.body.id}`)).status).toBe(403);
    expect((await officer.post(`/api/imports/${byAdmin.body.id}/preview`, { mapping: {} })).status).toBe(403);
    expect((await manager.get(`/api/imports/${byAdmin.body.id}`)).status).toBe(200);
  });
});

function sampleMobile(seed: number, n: number) {
  return `5${String(seed).padStart(3, '0')}${String(n).padStart(5, '0')}`.slice(0, 9);
}
