import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riyadhDate } from '../common/dates';
import { beneficiaryInput, uniqueMobile } from './test/factories';
import { createTestContext, signedInAs, TestClient, type TestContext } from './test/harness';

// Regression tests for the outside scan's findings 1, 2, 9, 10, 13 and 14 (issue 14); the log scan is in
// log-safety.test.ts and the fuzz test in fuzz.test.ts.

let ctx: TestContext;
let officer: TestClient;
let manager: TestClient;
let rep: TestClient;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, manager, rep, admin] = await signedInAs(ctx.app, ['officer', 'manager', 'branchrep', 'admin'] as const);
});
afterAll(async () => {
  await ctx.close();
});

async function count(table: string) {
  const result = await ctx.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

const issuesOf = (body: { details?: { field: string; issue: string }[] }) =>
  (body.details ?? []).map((d) => `${d.field}:${d.issue}`);

describe('finding 1: CSV formula injection', () => {
  const today = riyadhDate(new Date());
  const LIVE = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(1,2)', '\tTAB', '\rCR'];

  async function exportOf(format: 'csv' | 'xlsx') {
    return ctx.app.inject({
      url: `/api/reports/export/cases?format=${format}&from=${today}&to=${today}`,
      headers: { cookie: manager.cookie! },
    });
  }

  it('a subject sent from the portal starting with = + - @ tab or CR reaches no CSV cell as a formula', async () => {
    for (const [i, start] of LIVE.entries()) {
      // Tab and CR are not control characters the schema refuses (multi-line text keeps them), and trimming
      // removes leading ones: put them after a formula sign too.
      const subject = start.startsWith('\t') || start.startsWith('\r') ? `=1+1${start}` : start;
      const res = await new TestClient(ctx.app).post('/api/portal/cases', {
        kind: 'complaint',
        subject: `${subject}${i}`,
        description: 'وصف الشكوى',
        name: 'زائر الموقع',
        mobile: uniqueMobile(),
      });
      expect(res.status).toBe(201);
    }
    const res = await exportOf('csv');
    expect(res.statusCode).toBe(200);
    const text = res.rawPayload.toString('utf8').slice(1);
    // Every cell: first character after an optional opening quote is never a formula sign.
    const cells = text.split('\r\n').flatMap((line) => line.split(','));
    const live = cells.filter((cell) => /^"?[=+\-@\t\r]/.test(cell) && !/^"?[+-]?\d+(\.\d+)?"?$/.test(cell));
    expect(live).toEqual([]);
    expect(text).toContain(`'=HYPERLINK(""http://evil.example""`);
    expect(text).toContain("'@SUM(1");
  });

  it('the Excel export writes such cells as text, never as formulas', async () => {
    const res = await exportOf('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const subjects: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      subjects.push(row.getCell(5).value);
    });
    expect(subjects.some((s) => typeof s === 'string' && s.startsWith('=HYPERLINK'))).toBe(true);
    const hyperlinkCell = sheet.getColumn(5).values.find((v) => typeof v === 'string' && v.startsWith('=HYPER'));
    expect(typeof hyperlinkCell).toBe('string');
  });
});

describe('finding 2: control characters are refused at the schema layer', () => {
  it('a NUL in a text field, a query parameter or a route parameter is a 400 naming the field, and writes nothing', async () => {
    const before = await count('beneficiaries');
    const body = beneficiaryInput(ctx.branchIds.HQ!, { firstName: 'محمد\u0000' });
    const created = await officer.post('/api/beneficiaries', body);
    expect(created.status).toBe(400);
    expect(issuesOf(created.body)).toContain('firstName:field.control_characters');
    expect(created.body.details[0].message).toMatch(/رموز تحكم/);
    expect(await count('beneficiaries')).toBe(before);

    const search = await officer.get('/api/beneficiaries?q=%00');
    expect(search.status).toBe(400);
    expect(issuesOf(search.body)).toContain('q:field.control_characters');

    const login = await new TestClient(ctx.app).post('/api/auth/login', { username: 'officer\u0000', password: 'x' });
    expect(login.status).toBe(400);

    const portal = await new TestClient(ctx.app).post('/api/portal/cases', {
      kind: 'complaint',
      subject: 'موضوع\u0007',
      description: 'وصف',
      name: 'زائر',
      mobile: uniqueMobile(),
    });
    expect(portal.status).toBe(400);
    expect(issuesOf(portal.body)).toContain('subject:field.control_characters');

    const track = await new TestClient(ctx.app).post('/api/portal/cases/follow', {
      reference: 'C-2026-\u000000001',
      key: 'abcdefghijkl',
    });
    expect(track.status).toBe(400);

    // Keys count too, and C1 controls and DEL as well as C0; tab and new lines stay allowed in text.
    expect((await officer.post('/api/interactions', { 'x\u0000': 1 })).status).toBe(400);
    for (const ch of ['\u007f', '\u0085', '\u001b']) {
      const res = await officer.post('/api/interactions', {
        channel: 'phone',
        direction: 'inbound',
        summary: `ملخص${ch}`,
        contactName: 'متصل',
      });
      expect(issuesOf(res.body)).toContain('summary:field.control_characters');
    }
    const multiLine = await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'سطر أول\nسطر\tثانٍ\r\n',
      contactName: 'متصل',
    });
    expect(multiLine.status).toBe(201);
  });

  it('every operation with a JSON body or a query string refuses a control character in it (OpenAPI walk)', async () => {
    type Param = { in: string; name: string; schema?: { format?: string; enum?: string[]; minLength?: number } };
    type Operation = { parameters?: Param[]; requestBody?: { content?: Record<string, unknown> } };
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const clients = [officer, manager, admin, new TestClient(ctx.app)];
    const checked: string[] = [];
    const missed: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params = op.parameters ?? [];
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          const p = params.find((x) => x.in === 'path' && x.name === name);
          if (p?.schema?.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
          return (
            p?.schema?.enum?.[0] ?? 'abcdefghijklmnopqrstuvwxyz234567'.slice(0, Math.max(8, p?.schema?.minLength ?? 0))
          );
        });
        const probes: { url: string; body?: string; field: string }[] = [];
        if (op.requestBody?.content?.['application/json'])
          probes.push({ url, body: JSON.stringify({ text: 'a\u0000b' }), field: 'text' });
        for (const q of params.filter((x) => x.in === 'query'))
          probes.push({ url: `${url}?${encodeURIComponent(q.name)}=a%00b`, field: q.name });
        for (const probe of probes) {
          for (const client of clients) {
            const res = await client.request(method.toUpperCase(), probe.url, probe.body, {
              ...(probe.body ? { 'content-type': 'application/json' } : {}),
            });
            if ([401, 403].includes(res.status)) continue;
            checked.push(`${method} ${probe.url}`);
            if (res.status !== 400 || !issuesOf(res.body).includes(`${probe.field}:field.control_characters`))
              missed.push(`${method} ${probe.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
            break;
          }
        }
      }
    }
    expect(missed).toEqual([]);
    expect(checked.length).toBeGreaterThan(80);
  });
});

describe('finding 9: malformed multipart bodies and out-of-range dates', () => {
  it('a multipart body that cannot be parsed is a 400, not a 500, and stores nothing', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    expect(b.status).toBe(201);
    const before = await count('documents');
    const bodies: [string, string][] = [
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n',
      ],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nthis is not a header\r\n\r\n%PDF-1.4\r\n--xyz--\r\n'],
      ['multipart/form-data', '--xyz\r\n\r\n'],
      ['multipart/form-data; boundary=', 'garbage'],
    ];
    for (const [type, payload] of bodies) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/beneficiaries/${b.body.id}/documents`,
        headers: { 'content-type': type, cookie: officer.cookie!, 'x-csrf-token': officer.csrfToken! },
        payload,
      });
      expect(res.statusCode, `${type} ${JSON.stringify(payload)}`).toBeLessThan(500);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect(await count('documents')).toBe(before);
  });

  it('dates of year 1, year 0 or past 9999 in a query or body are a 400 naming the field', async () => {
    for (const url of [
      '/api/reports/kpis?from=0001-01-01&to=2026-01-31',
      '/api/reports/kpis?from=2026-01-01&to=9999-12-31',
      '/api/reports/export/cases?format=csv&from=0000-01-01&to=2026-01-01',
      '/api/deliveries?from=0001-01-01',
      '/api/audit?from=0001-01-01T00:00:00Z',
    ]) {
      const client = url.startsWith('/api/deliveries') ? officer : manager;
      const res = await client.get(url);
      expect(res.status, url).toBe(400);
      expect(
        issuesOf(res.body).some((i) => i.endsWith(':field.date_range')),
        url,
      ).toBe(true);
    }
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
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/html\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('finding 10: downloads are named by the sniffed type', () => {
  it('a PDF uploaded as .html is stored and served as .pdf; a PNG named .pdf comes back as .png', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const cases: [Buffer, string, string, string][] = [
      [PDF, 'رسالة.html', 'application/pdf', 'رسالة.pdf'],
      [PNG, 'photo.pdf', 'image/png', 'photo.png'],
      [PDF, 'noextension', 'application/pdf', 'noextension.pdf'],
      [PDF, 'report.PDF', 'application/pdf', 'report.PDF'],
    ];
    for (const [bytes, name, mime, expected] of cases) {
      const { body, headers } = multipart(bytes, name, { kind: 'other' });
      const up = await ctx.app.inject({
        method: 'POST',
        url: `/api/beneficiaries/${b.body.id}/documents`,
        headers: { ...headers, cookie: officer.cookie!, 'x-csrf-token': officer.csrfToken! },
        payload: body,
      });
      expect(up.statusCode).toBe(201);
      expect(up.json().originalName).toBe(expected);
      const down = await ctx.app.inject({
        url: `/api/documents/${up.json().id}`,
        headers: { cookie: officer.cookie! },
      });
      expect(down.headers['content-type']).toBe(mime);
      expect(down.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(expected)}`);
    }
  });

  it('a name stored before the fix is still served with the extension of its type', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const { body, headers } = multipart(PDF, 'old.pdf', { kind: 'other' });
    const up = await ctx.app.inject({
      method: 'POST',
      url: `/api/beneficiaries/${b.body.id}/documents`,
      headers: { ...headers, cookie: officer.cookie!, 'x-csrf-token': officer.csrfToken! },
      payload: body,
    });
    await ctx.deps.db.execute(sql`update documents set original_name = 'old.html' where id = ${up.json().id}`);
    const down = await ctx.app.inject({ url: `/api/documents/${up.json().id}`, headers: { cookie: officer.cookie! } });
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''old.pdf");
  });
});

describe('finding 13: input rules', () => {
  it('a mobile with letters or markup around its digits is refused with its own message', async () => {
    for (const mobile of ['abc0501234567', '<b>0501234567</b>', '0501234567x', '05O1234567']) {
      const res = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!, { mobile }));
      expect(res.status, mobile).toBe(400);
      expect(issuesOf(res.body)).toContain(
        mobile === '05O1234567' ? 'mobile:field.mobile_characters' : 'mobile:field.mobile_characters',
      );
    }
    const ok = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { mobile: `(${uniqueMobile().slice(0, 3)}) 123-4567` }),
    );
    expect(ok.status).toBe(201);
  });

  it('birth dates in the future or before 1900 are refused in both calendars', async () => {
    const cases: [unknown, string][] = [
      [{ calendar: 'gregorian', date: '2999-01-01' }, 'field.birth_date.future'],
      [{ calendar: 'gregorian', date: '1850-06-01' }, 'field.birth_date.too_old'],
      [{ calendar: 'hijri', date: '1500-01-01' }, 'field.birth_date.future'],
      [{ calendar: 'hijri', date: '1300-01-01' }, 'field.birth_date.too_old'],
    ];
    for (const [birthDate, issue] of cases) {
      const res = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!, { birthDate }));
      expect(res.status).toBe(400);
      expect(issuesOf(res.body)).toContain(`birthDate.date:${issue}`);
    }
    const member = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, {
        household: [{ name: 'سعد', relation: 'son', birthDate: '2999-01-01', disability: false }],
      }),
    );
    expect(issuesOf(member.body)).toContain('household.0.birthDate:field.birth_date.future');
    const hijriOk = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { birthDate: { calendar: 'hijri', date: '1400-05-01' } }),
    );
    expect(hijriOk.status).toBe(201);
  });

  it('an all-letters national ID is reported as not digits, not as a length problem', async () => {
    const res = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { nationalId: 'abcdefghij' }),
    );
    expect(res.status).toBe(400);
    expect(issuesOf(res.body)).toContain('nationalId:field.national_id.digits');
    const short = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { nationalId: '12345' }),
    );
    expect(issuesOf(short.body)).toContain('nationalId:field.national_id.length');
  });
});

describe('finding 14: unlinked contacts', () => {
  it('a branch representative sees only the unlinked contacts taken in their own branch; triage roles see all', async () => {
    const web = await new TestClient(ctx.app).post('/api/portal/cases', {
      kind: 'inquiry',
      subject: 'استفسار من الموقع',
      description: 'نص الاستفسار',
      name: 'شخص كتب من الموقع',
      mobile: uniqueMobile(),
    });
    expect(web.status).toBe(201);
    const hq = await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'اتصال في المقر',
      contactName: 'متصل المقر',
      contactMobile: uniqueMobile(),
    });
    const own = await rep.post('/api/interactions', {
      channel: 'branch_rep',
      direction: 'inbound',
      summary: 'زيارة للفرع',
      contactName: 'زائر الفرع',
      contactMobile: uniqueMobile(),
    });
    expect([hq.status, own.status]).toEqual([201, 201]);

    const seenBy = async (client: TestClient) =>
      ((await client.get('/api/interactions?unlinked=true&limit=200')).body.items as { contactName: string }[]).map(
        (i) => i.contactName,
      );
    const repSees = await seenBy(rep);
    expect(repSees).toContain('زائر الفرع');
    expect(repSees).not.toContain('شخص كتب من الموقع');
    expect(repSees).not.toContain('متصل المقر');
    // Nor may they claim it for one of their files by its id.
    const repFile = await rep.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.KHB!));
    expect(repFile.status).toBe(201);
    const webContact = (await officer.get('/api/interactions?unlinked=true&limit=200')).body.items.find(
      (i: { contactName: string }) => i.contactName === 'شخص كتب من الموقع',
    );
    const claim = await rep.patch(`/api/interactions/${webContact.id}`, { beneficiaryId: repFile.body.id });
    expect(claim.body.code).toBe('interaction.not_linkable');
    expect((await rep.patch(`/api/interactions/${own.body.id}`, { beneficiaryId: repFile.body.id })).status).toBe(204);
    const all = await rep.get('/api/interactions?limit=200');
    expect(JSON.stringify(all.body)).not.toContain('شخص كتب من الموقع');
    for (const client of [officer, manager]) {
      const names = await seenBy(client);
      expect(names).toEqual(expect.arrayContaining(['شخص كتب من الموقع', 'متصل المقر']));
    }
  });
});
