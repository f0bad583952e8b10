import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits } from '../../../common/arabic';
import { makeNationalId } from '../../../common/saudi';
import { auditLog } from '../../db/tables/index';
import { beneficiaryInput, uniqueMobile, uniqueNationalId } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { suspendOverdueReverifications } from './change-status';

let ctx: TestContext;
let officer: TestClient;
let rep: TestClient;
let committee: TestClient;
let admin: TestClient;
let execution: TestClient;
let manager: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, rep, committee, admin, execution, manager] = await signedInAs(ctx.app, [
    'officer',
    'branchrep',
    'committee',
    'admin',
    'execution',
    'manager',
  ] as const);
});
afterAll(async () => {
  await ctx.close();
});

async function count(table: string) {
  const result = await ctx.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

async function register(client: TestClient, overrides: Record<string, unknown> = {}, branch = 'HQ') {
  const res = await client.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds[branch]!, overrides));
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; fileNumber: string };
}

describe('registering a beneficiary', () => {
  it('creates the file with household, water situation and consent, and logs every opening', async () => {
    const input = beneficiaryInput(ctx.branchIds.HQ!);
    const res = await officer.post('/api/beneficiaries', input);
    expect(res.status).toBe(201);
    expect(res.body.fileNumber).toMatch(/^\d{4}-\d{5}$/);
    const file = await officer.get(`/api/beneficiaries/${res.body.id}`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      nationalId: input.nationalId,
      fullName: `محمد عبدالله سعد ${input.familyName}`,
      mobile: `+966${input.mobile.slice(1)}`,
      birthDate: '1975-04-12',
      status: 'applicant',
      water: { source: 'tank', storageLitres: 600, peopleAtHome: 4 },
      location: { lat: 26.24, lng: 43.55 },
      monthlyIncome: 3000,
      familyStatus: 'married',
      sensitiveShown: true,
    });
    expect(file.body.household).toHaveLength(2);
    expect(file.body.household[1]).toMatchObject({ name: 'سعد', disability: true });
    expect(file.body.consents).toHaveLength(1);
    expect(file.body.consents[0].channel).toBe('meeting');
    const views = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'beneficiary.viewed' and ${auditLog.entityId} = ${res.body.id}`);
    expect(views).toHaveLength(1);
    expect(views[0]!.actorUsername).toBe('officer');
  });

  it('takes a birth date in the Umm al-Qura calendar and stores it as the Gregorian date', async () => {
    const { id } = await register(officer, { birthDate: { calendar: 'hijri', date: '١٤٠٠-٠٥-١٢' } });
    expect((await officer.get(`/api/beneficiaries/${id}`)).body.birthDate).toBe('1980-03-29');
  });

  it('stores HTML in a name as plain text, unchanged', async () => {
    const { id } = await register(officer, { firstName: '<script>alert(1)</script>' });
    const file = await officer.get(`/api/beneficiaries/${id}`);
    expect(file.body.firstName).toBe('<script>alert(1)</script>');
  });
});

describe('bad input is refused with a 4xx and a code, and nothing is written', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'a bad check digit',
      { nationalId: `${makeNationalId('105550123').slice(0, 9)}${(Number(makeNationalId('105550123')[9]) + 1) % 10}` },
      'nationalId',
      'field.national_id.check_digit',
    ],
    ['nine digits', { nationalId: '105550123' }, 'nationalId', 'field.national_id.length'],
    ['first digit 3', { nationalId: makeNationalId('305550123') }, 'nationalId', 'field.national_id.first_digit'],
    ['an invalid mobile', { mobile: '0112345678' }, 'mobile', 'field.mobile'],
    [
      'a Hijri date that does not exist',
      { birthDate: { calendar: 'hijri', date: '1447-08-30' } },
      'birthDate.date',
      'field.hijri_date',
    ],
    [
      'a Gregorian date that does not exist',
      { birthDate: { calendar: 'gregorian', date: '1990-02-30' } },
      'birthDate.date',
      'field.date',
    ],
    ['a pin outside Saudi Arabia', { location: { lat: 51.5, lng: -0.1 } }, 'location.lat', 'too_big'],
    [
      'an unknown water source',
      { water: { source: 'river', storageLitres: 1, peopleAtHome: 1 } },
      'water.source',
      'invalid_value',
    ],
    ['no consent', { consent: { accepted: false, channel: 'meeting' } }, 'consent.accepted', 'invalid_value'],
  ];
  for (const [label, overrides, field, issue] of cases) {
    it(label, async () => {
      const before = await count('beneficiaries');
      const res = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!, overrides));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('request.validation');
      const found = res.body.details.find((d: { field: string }) => d.field === field);
      expect(found, JSON.stringify(res.body.details)).toBeDefined();
      expect(found.issue).toBe(issue);
      expect(found.message).toMatch(/[\u0600-\u06FF]/);
      expect(await count('beneficiaries')).toBe(before);
    });
  }

  it('a 10 MB text field', async () => {
    const before = await count('beneficiaries');
    const res = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { district: 'ا'.repeat(10 * 1024 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('request.too_large');
    expect(await count('beneficiaries')).toBe(before);
  });

  it('a duplicate national ID: 409 naming the file to someone who may open it, nothing written', async () => {
    const nationalId = uniqueNationalId();
    const first = await register(officer, { nationalId });
    const before = await count('beneficiaries');
    const again = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { nationalId, confirmNotDuplicate: true }),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('beneficiary.national_id_exists');
    expect(again.body.details).toEqual({ id: first.id, fileNumber: first.fileNumber });
    // The branch representative of another branch learns only that it exists.
    const fromRep = await rep.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.KHB!, { nationalId, confirmNotDuplicate: true }),
    );
    expect(fromRep.status).toBe(409);
    expect(fromRep.body.details).toBeUndefined();
    expect(await count('beneficiaries')).toBe(before);
  });

  it('two officers registering the same person at once: exactly one file', async () => {
    const nationalId = uniqueNationalId(true);
    const results = await Promise.all([
      officer.post(
        '/api/beneficiaries',
        beneficiaryInput(ctx.branchIds.HQ!, { nationalId, confirmNotDuplicate: true }),
      ),
      execution.post(
        '/api/beneficiaries',
        beneficiaryInput(ctx.branchIds.HQ!, { nationalId, confirmNotDuplicate: true }),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe('duplicate guard', () => {
  it('shows likely duplicates (same mobile, or same name and birth year) until the officer confirms', async () => {
    const mobile = uniqueMobile();
    const first = await register(officer, { mobile, familyName: 'الدوسري' });
    const check = await officer.post('/api/beneficiaries/duplicates', {
      mobile: toArabicDigits(mobile),
      firstName: 'x',
      fatherName: 'x',
      grandfatherName: 'x',
      familyName: 'x',
      birthYear: 1960,
    });
    expect(check.body.candidates.map((c: { id: string }) => c.id)).toContain(first.id);
    const refused = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!, { mobile }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('beneficiary.possible_duplicates');
    expect(refused.body.details.candidates[0]).toMatchObject({ id: first.id, reason: 'same_mobile' });

    const sameName = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { familyName: 'الدوسري', firstName: 'مُحمّد', fatherName: 'عبد الله' }),
    );
    expect(sameName.status).toBe(409);
    expect(sameName.body.details.candidates.some((c: { reason: string }) => c.reason === 'same_name_birth_year')).toBe(
      true,
    );
    const confirmed = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { mobile, confirmNotDuplicate: true }),
    );
    expect(confirmed.status).toBe(201);
  });
});

describe('search', () => {
  let target: { id: string; fileNumber: string };
  let input: ReturnType<typeof beneficiaryInput>;
  beforeAll(async () => {
    input = beneficiaryInput(ctx.branchIds.HQ!, {
      firstName: 'أحمد',
      fatherName: 'عبد الله',
      grandfatherName: 'فهد',
      familyName: 'الزهراني',
    });
    const res = await officer.post('/api/beneficiaries', input);
    target = res.body;
  });
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  it('by national ID, with Arabic-Indic digits too', async () => {
    const res = await officer.get(`/api/beneficiaries?q=${encodeURIComponent(toArabicDigits(input.nationalId))}`);
    expect(res.body.matchedBy).toBe('national_id');
    expect(ids(res)).toEqual([target.id]);
  });

  it('by mobile in any format', async () => {
    const local = input.mobile;
    for (const q of [
      local,
      `+966${local.slice(1)}`,
      `00966 ${local.slice(1)}`,
      toArabicDigits(local),
      `${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6)}`,
    ]) {
      const res = await officer.get(`/api/beneficiaries?q=${encodeURIComponent(q)}`);
      expect(res.body.matchedBy, q).toBe('mobile');
      expect(ids(res), q).toEqual([target.id]);
    }
  });

  it('by file number', async () => {
    const [year, seq] = target.fileNumber.split('-');
    const res = await officer.get(`/api/beneficiaries?q=${year}-${Number(seq)}`);
    expect(res.body.matchedBy).toBe('file_number');
    expect(ids(res)).toEqual([target.id]);
  });

  it('by Arabic name after normalisation: احمد finds أحمد, عبدالله finds عبد الله', async () => {
    for (const q of ['احمد', 'أحمد عبدالله', 'عبدالله فهد الزهراني', 'الزهرانى', 'زهران']) {
      const res = await officer.get(`/api/beneficiaries?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(res.body.matchedBy, q).toBe('name');
      expect(ids(res), q).toContain(target.id);
    }
  });

  it('by any subset of name words in any order, each also as a prefix, ranked exact → all words → partial', async () => {
    const saad = await register(officer, {
      firstName: 'سعد',
      fatherName: 'أبو بكر',
      grandfatherName: 'عبد الرحمن',
      familyName: 'القحطانيون',
    });
    // Holds both words, but only inside other words: a partial match, ranked after the others.
    const partial = await register(officer, {
      firstName: 'مسعد',
      fatherName: 'علي',
      grandfatherName: 'فهد',
      familyName: 'بالقحطانيون',
    });
    for (const q of [
      'سعد القحطانيون',
      'القحطانيون سعد',
      'سعد ابوبكر',
      'أبو بكر سعد',
      'سعد عبدالرحمن',
      'عبد الرحمن القحطانيون',
      'القحط سع',
      'سعد أبو',
      'ابوبكر القحطانيون سعد عبد الرحمن',
    ]) {
      const res = await officer.get(`/api/beneficiaries?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(res.body.matchedBy, q).toBe('name');
      expect(ids(res), q).toContain(saad.id);
    }
    // Exact (the typed start of the name) first, then every word at a word start, then words inside words.
    const ranked = await officer.get(`/api/beneficiaries?q=${encodeURIComponent('سعد القحطانيون')}&pageSize=100`);
    expect(ids(ranked).indexOf(saad.id)).toBeLessThan(ids(ranked).indexOf(partial.id));
    expect(ids(ranked)).toContain(partial.id);
    const exact = await officer.get(`/api/beneficiaries?q=${encodeURIComponent('سعد ابو بكر')}&pageSize=100`);
    expect(ids(exact)[0]).toBe(saad.id);
    // Every word must be there: another family name is not a match.
    const none = await officer.get(`/api/beneficiaries?q=${encodeURIComponent('سعد الغامديون')}`);
    expect(ids(none)).not.toContain(saad.id);
    // Pages across the tiers neither repeat nor skip a file.
    const all = ids(await officer.get(`/api/beneficiaries?q=${encodeURIComponent('سعد القحطانيون')}&pageSize=100`));
    const paged: string[] = [];
    for (let page = 1; page <= all.length; page++) {
      const res = await officer.get(
        `/api/beneficiaries?q=${encodeURIComponent('سعد القحطانيون')}&pageSize=1&page=${page}`,
      );
      paged.push(...ids(res));
      expect(res.body.hasMore, `page ${page}`).toBe(page < all.length);
    }
    expect(paged).toEqual(all);
  });

  it('pages through results', async () => {
    const first = await officer.get('/api/beneficiaries?pageSize=2&page=1');
    const second = await officer.get('/api/beneficiaries?pageSize=2&page=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
  });

  it('treats LIKE wildcards in the query as text', async () => {
    const res = await officer.get(`/api/beneficiaries?q=${encodeURIComponent('%_%')}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});

describe('role rights', () => {
  it('a branch representative sees only their branch', async () => {
    const hq = await register(officer);
    const own = await register(rep, {}, 'KHB');
    const list = await rep.get('/api/beneficiaries?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.every((i: { branchId: string }) => i.branchId === ctx.branchIds.KHB)).toBe(true);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(own.id);
    expect((await rep.get(`/api/beneficiaries/${hq.id}`)).status).toBe(403);
    expect((await rep.patch(`/api/beneficiaries/${hq.id}`, { district: 'حي آخر' })).status).toBe(403);
    const elsewhere = await rep.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    expect(elsewhere.status).toBe(403);
    // Field staff do not see income, health or family status.
    const file = await rep.get(`/api/beneficiaries/${own.id}`);
    expect(file.body.sensitiveShown).toBe(false);
    expect(file.body).not.toHaveProperty('monthlyIncome');
    expect(file.body).not.toHaveProperty('familyStatus');
    expect(file.body.household[1]).not.toHaveProperty('disability');
  });

  it('committee members cannot search or edit files, nor open one not before the committee', async () => {
    const b = await register(officer);
    expect((await committee.get('/api/beneficiaries')).status).toBe(403);
    expect((await committee.patch(`/api/beneficiaries/${b.id}`, { district: 'حي آخر' })).status).toBe(403);
    expect((await committee.get(`/api/beneficiaries/${b.id}`)).status).toBe(403);
  });

  it('the admin runs the system but does not open beneficiaries’ files', async () => {
    const b = await register(officer);
    expect((await admin.get('/api/beneficiaries')).status).toBe(403);
    expect((await admin.get(`/api/beneficiaries/${b.id}`)).status).toBe(403);
  });

  it('the manager reads files (read-only)', async () => {
    const b = await register(officer);
    expect((await manager.get(`/api/beneficiaries/${b.id}`)).status).toBe(200);
    expect((await manager.patch(`/api/beneficiaries/${b.id}`, { district: 'حي آخر' })).status).toBe(403);
  });
});

describe('updating a file', () => {
  it('corrects fields and re-derives the search name', async () => {
    const b = await register(officer);
    const res = await officer.patch(`/api/beneficiaries/${b.id}`, {
      familyName: 'الشهرانيّ',
      water: { source: 'none', storageLitres: 0, peopleAtHome: 5 },
      householdConfirmed: true,
    });
    expect(res.status).toBe(204);
    const file = await officer.get(`/api/beneficiaries/${b.id}`);
    expect(file.body.familyName).toBe('الشهرانيّ');
    expect(file.body.water.source).toBe('none');
    const found = await officer.get(`/api/beneficiaries?q=${encodeURIComponent('الشهراني')}&pageSize=100`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(b.id);
    expect((await officer.patch(`/api/beneficiaries/${b.id}`, {})).status).toBe(400);
    expect((await officer.patch(`/api/beneficiaries/${b.id}`, { status: 'active' })).status).toBe(400);
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

function multipart(file: Buffer, name: string, fields: Record<string, string> = {}) {
  const boundary = '----wasltest';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(
  client: TestClient,
  beneficiaryId: string,
  file: Buffer,
  name: string,
  kind = 'national_id_copy',
) {
  const { body, headers } = multipart(file, name, { kind });
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/beneficiaries/${beneficiaryId}/documents`,
    headers: { ...headers, cookie: client.cookie!, 'x-csrf-token': client.csrfToken! },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

describe('documents', () => {
  it('accepts PDF and PNG by content, lists them on the file, and serves them as attachments', async () => {
    const b = await register(officer);
    const pdf = await upload(officer, b.id, PDF, 'هوية.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ mime: 'application/pdf', originalName: 'هوية.pdf', size: PDF.length });
    const png = await upload(officer, b.id, PNG, 'photo.png', 'damage_photo');
    expect(png.body.mime).toBe('image/png');
    const file = await officer.get(`/api/beneficiaries/${b.id}`);
    expect(file.body.documents).toHaveLength(2);
    const download = await ctx.app.inject({
      url: `/api/documents/${pdf.body.id}`,
      headers: { cookie: officer.cookie! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses an HTML page renamed to .pdf, and empty files, writing nothing', async () => {
    const b = await register(officer);
    const before = await count('documents');
    const html = await upload(officer, b.id, Buffer.from('<html><script>alert(1)</script></html>'), 'letter.pdf');
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('document.type_not_allowed');
    const empty = await upload(officer, b.id, Buffer.alloc(0), 'empty.pdf');
    expect(empty.status).toBe(400);
    expect(await count('documents')).toBe(before);
  });

  it('refuses a file over the size limit', async () => {
    const b = await register(officer);
    const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]);
    const res = await upload(officer, b.id, big, 'big.pdf');
    expect(res.status).toBe(413);
  });

  it('goes through the access policy: another branch’s representative cannot download', async () => {
    const b = await register(officer);
    const pdf = await upload(officer, b.id, PDF, 'x.pdf');
    const res = await ctx.app.inject({ url: `/api/documents/${pdf.body.id}`, headers: { cookie: rep.cookie! } });
    expect(res.statusCode).toBe(403);
  });
});

describe('status: suspension and yearly re-verification', () => {
  it('suspends with a reason and period; a suspended file gets no new application', async () => {
    const b = await register(officer);
    const noReason = await officer.post(`/api/beneficiaries/${b.id}/status`, { action: 'suspend' });
    expect(noReason.status).toBe(400);
    const res = await officer.post(`/api/beneficiaries/${b.id}/status`, {
      action: 'suspend',
      reason: 'مستفيد من جهة أخرى لنفس الحاجة',
      until: '2099-01-01',
    });
    expect(res.status).toBe(204);
    const file = await officer.get(`/api/beneficiaries/${b.id}`);
    expect(file.body).toMatchObject({ status: 'suspended', suspendedUntil: '2099-01-01' });
    expect(file.body.statusHistory[0]).toMatchObject({
      kind: 'suspend',
      fromStatus: 'applicant',
      toStatus: 'suspended',
    });
    const services = (await officer.get('/api/services')).body.items;
    const app = await officer.post('/api/applications', {
      beneficiaryId: b.id,
      serviceIds: [services[0].id],
      channel: 'meeting',
    });
    expect(app.status).toBe(409);
    expect(app.body.code).toBe('application.beneficiary_inactive');
    const again = await officer.post(`/api/beneficiaries/${b.id}/status`, { action: 'suspend', reason: 'مرة أخرى' });
    expect(again.status).toBe(409);
    expect((await rep.post(`/api/beneficiaries/${b.id}/status`, { action: 'reinstate', reason: 'x x x' })).status).toBe(
      403,
    );
  });

  it('lists files past their re-verification date, and the daily job suspends them after the grace period', async () => {
    const b = await register(officer);
    await ctx.deps.db.execute(
      sql`update beneficiaries set status = 'active', reverify_due = current_date - 40 where id = ${b.id}`,
    );
    const due = await officer.get('/api/beneficiaries/reverification');
    const item = due.body.items.find((i: { id: string }) => i.id === b.id);
    expect(item).toMatchObject({ overdue: true });
    const today = new Date().toISOString().slice(0, 10);
    expect(await suspendOverdueReverifications(ctx.deps.db, ctx.orgId, today)).toBeGreaterThanOrEqual(1);
    const file = await officer.get(`/api/beneficiaries/${b.id}`);
    expect(file.body.status).toBe('suspended');
    expect(file.body.statusHistory[0].kind).toBe('auto_suspend');
    // Re-verifying an active file moves its due date a year on.
    const c = await register(officer);
    await ctx.deps.db.execute(
      sql`update beneficiaries set status = 'active', reverify_due = current_date - 5 where id = ${c.id}`,
    );
    expect((await officer.post(`/api/beneficiaries/${c.id}/status`, { action: 'reverify' })).status).toBe(204);
    const after = await officer.get(`/api/beneficiaries/${c.id}`);
    expect(after.body.reverifyDue > today).toBe(true);
  });
});
