import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { DEFAULT_CRITERIA } from '../../../common/domain/selection';
import { auditLog, branches, organizations } from '../../db/tables/index';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let officer: TestClient;
let rep: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [admin, manager, officer, rep] = await signedInAs(ctx.app, ['admin', 'manager', 'officer', 'branchrep'] as const);
});
afterAll(async () => {
  await ctx.close();
});

async function lastAudit(action: string, entityId?: string) {
  const [row] = await ctx.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

async function uploadLogo(client: TestClient, file: Buffer, name = 'logo.png') {
  const boundary = '----wasllogo';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/organization/logo',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: client.cookie!,
      'x-csrf-token': client.csrfToken!,
    },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

describe('organisation', () => {
  it('renames the association (admin only), with old and new names in the audit row', async () => {
    const before = await admin.get('/api/organization');
    expect(before.status).toBe(200);
    expect((await manager.patch('/api/organization', { nameAr: 'اسم آخر' })).status).toBe(403);
    const bad = await admin.patch('/api/organization', { nameAr: 'ا' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.validation');
    expect((await admin.patch('/api/organization', {})).status).toBe(400);
    expect((await admin.get('/api/organization')).body.nameAr).toBe(before.body.nameAr);

    const res = await admin.patch('/api/organization', { nameAr: 'جمعية ماء للسقيا' });
    expect(res.status).toBe(200);
    expect(res.body.nameAr).toBe('جمعية ماء للسقيا');
    const audit = await lastAudit('organization.updated');
    expect(audit?.details).toEqual({
      before: { nameAr: before.body.nameAr },
      after: { nameAr: 'جمعية ماء للسقيا' },
    });
    // The staff header and the portal read the same name.
    expect((await officer.get('/api/settings/organization')).body.nameAr).toBe('جمعية ماء للسقيا');
  });

  it('takes a PNG logo, refuses other types and big files without writing, and serves it to everyone', async () => {
    expect((await uploadLogo(manager, PNG)).status).toBe(403);
    const svg = await uploadLogo(admin, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'x.svg');
    expect(svg.status).toBe(415);
    expect(svg.body.code).toBe('organization.logo_type');
    const big = await uploadLogo(admin, Buffer.concat([PNG, Buffer.alloc(600 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('organization.logo_too_large');
    const [none] = await ctx.deps.db
      .select({ at: organizations.logoUpdatedAt })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId));
    expect(none?.at).toBeNull();
    expect((await admin.post('/api/organization/logo', {})).status).toBe(415);
    // Until one is uploaded, printed documents get the product's water mark.
    const mark = await ctx.app.inject({ method: 'GET', url: '/api/public/organization/logo' });
    expect(mark.headers['content-type']).toMatch(/^image\/svg\+xml/);

    const ok = await uploadLogo(admin, PNG);
    expect(ok.status).toBe(200);
    expect(ok.body.logoUrl).toMatch(/^\/api\/public\/organization\/logo\?v=\d+$/);
    const served = await ctx.app.inject({ method: 'GET', url: ok.body.logoUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect((await officer.get('/api/settings/organization')).body.logoUrl).toBe(ok.body.logoUrl);
    const audit = await lastAudit('organization.logo_uploaded');
    expect(audit?.details).toMatchObject({ before: { logo: null }, after: { logo: { mime: 'image/png' } } });
  });
});

describe('branches', () => {
  const input = {
    code: 'NRT',
    nameAr: 'المكتب الفرعي — الشمال',
    nameEn: 'North branch',
    areas: ['الخبراء', 'البدائع'],
    addressAr: 'طريق الملك فهد',
    phone: '0163330000',
  };

  it('adds a branch (admin only); bad input and a taken code write nothing', async () => {
    expect((await manager.post('/api/branches', input)).status).toBe(403);
    expect((await officer.post('/api/branches', input)).status).toBe(403);
    const count = async () => (await ctx.deps.db.select().from(branches).where(eq(branches.orgId, ctx.orgId))).length;
    const n = await count();
    for (const bad of [
      { ...input, code: 'nrt' },
      { ...input, nameAr: '' },
      { ...input, areas: ['الخبراء', 'الخبراء'] },
      { ...input, phone: 'abc' },
      { ...input, extra: 1 },
    ]) {
      const res = await admin.post('/api/branches', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const taken = await admin.post('/api/branches', { ...input, code: 'HQ' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('branch.code_taken');
    expect(await count()).toBe(n);

    const created = await admin.post('/api/branches', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'NRT', areas: input.areas, active: true });
    expect(await count()).toBe(n + 1);
    expect((await lastAudit('branch.created', created.body.id))?.details).toMatchObject({ after: { code: 'NRT' } });
    // Everyone's branch pickers see it.
    const list = await officer.get('/api/branches');
    expect(list.body.items.map((b: { code: string }) => b.code)).toContain('NRT');
  });

  it('edits a branch with old and new values audited; the manager reads the overview, an officer does not', async () => {
    const overview = await manager.get('/api/branches/overview');
    expect(overview.status).toBe(200);
    expect((await officer.get('/api/branches/overview')).status).toBe(403);
    const khb = overview.body.items.find((b: { id: string }) => b.id === ctx.branchIds.KHB);
    expect(khb.representatives.map((r: { displayName: string }) => r.displayName)).toContain('ماجد الشمري');

    const res = await admin.patch(`/api/branches/${ctx.branchIds.KHB}`, { areas: ['الخبراء', 'القصيعة'] });
    expect(res.status).toBe(200);
    const audit = await lastAudit('branch.updated', ctx.branchIds.KHB);
    expect(audit?.details).toEqual({ before: { areas: [] }, after: { areas: ['الخبراء', 'القصيعة'] } });
    expect((await admin.patch(`/api/branches/${ctx.branchIds.KHB}`, { areas: 'x' })).status).toBe(400);
    const missing = await admin.patch('/api/branches/00000000-0000-4000-8000-000000000000', { active: false });
    expect(missing.status).toBe(404);
    expect((await rep.patch(`/api/branches/${ctx.branchIds.KHB}`, { active: false })).status).toBe(403);
  });
});

describe('settings', () => {
  it('records old and new values of each changed setting', async () => {
    const res = await admin.patch('/api/settings', { committeeQuorum: 3, slaAtRiskShare: 0.3 });
    expect(res.status).toBe(200);
    const audit = await lastAudit('settings.updated');
    expect(audit?.details).toMatchObject({
      before: { committeeQuorum: 2, slaAtRiskShare: 0.25 },
      after: { committeeQuorum: 3, slaAtRiskShare: 0.3 },
    });
    expect((await manager.patch('/api/settings', { committeeQuorum: 2 })).status).toBe(403);
    // Bad values on each settings section: refused with a field error, nothing written.
    for (const bad of [
      { committeeQuorum: 0 },
      { declarationTextAr: 'قصير' },
      { retentionMonths: 0 },
      { slaTargets: { inquiry: { firstResponseHours: 0, resolutionHours: 1 } } },
      { slaAtRiskShare: 2 },
      { rejectionReasons: [] },
      { letterheadAr: 'x'.repeat(301) },
    ]) {
      const res = await admin.patch('/api/settings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe('request.validation');
    }
    const unchanged = (await admin.get('/api/settings')).body;
    expect(unchanged.committeeQuorum).toBe(3);
    expect(unchanged.retentionMonths).toBe(60);
    expect((await manager.get('/api/settings')).body.committeeQuorum).toBe(3);
  });

  it('turns named holiday ranges (Hijri or Gregorian) into the days the SLA clocks skip; bad ranges write nothing', async () => {
    const from = addDays(riyadhDate(new Date()), 10);
    const ranges = [
      { nameAr: 'إجازة عيد الفطر', from, to: addDays(from, 3), calendar: 'hijri' },
      { nameAr: 'اليوم الوطني', from: addDays(from, 30), to: addDays(from, 30), calendar: 'gregorian' },
    ];
    for (const bad of [
      [{ ...ranges[0], to: addDays(from, -1) }],
      [{ ...ranges[0], to: addDays(from, 90) }],
      [{ ...ranges[0], nameAr: '' }],
      [{ ...ranges[0], calendar: 'julian' }],
    ]) {
      const res = await admin.patch('/api/settings', { holidayRanges: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await admin.get('/api/settings')).body.holidayRanges).toEqual([]);
    const res = await admin.patch('/api/settings', { holidayRanges: ranges });
    expect(res.status).toBe(200);
    expect(res.body.publicHolidays).toEqual([
      from,
      addDays(from, 1),
      addDays(from, 2),
      addDays(from, 3),
      addDays(from, 30),
    ]);
  });
});

describe('services', () => {
  it('adds a service with required documents and recurrence; an edit is audited with old and new values', async () => {
    const body = {
      code: 'filter_install',
      nameAr: 'تركيب فلتر منزلي',
      nameEn: 'Home filter installation',
      requiredDocuments: [{ key: 'id_copy', labelAr: 'صورة الهوية', labelEn: 'ID copy' }],
      recurringDays: 180,
    };
    expect((await manager.post('/api/services', body)).status).toBe(403);
    expect((await admin.post('/api/services', { ...body, recurringDays: 0 })).status).toBe(400);
    expect((await admin.post('/api/services', { ...body, code: 'Bad Code' })).status).toBe(400);
    const created = await admin.post('/api/services', body);
    expect(created.status).toBe(201);
    expect((await admin.post('/api/services', body)).status).toBe(409);
    const res = await admin.patch(`/api/services/${created.body.id}`, {
      recurringDays: 365,
      nameAr: 'تركيب فلتر منزلي',
    });
    expect(res.status).toBe(200);
    expect((await lastAudit('service.updated', created.body.id))?.details).toEqual({
      before: { recurringDays: 180 },
      after: { recurringDays: 365 },
    });
  });
});

describe('selection criteria', () => {
  it('previews how a change re-ranks waiting applications without writing, then saves it with its board reference', async () => {
    const service = (await officer.get('/api/services?active=true')).body.items[0].id;
    // Two households: one poor and small (first today), one better off but large.
    const water = (peopleAtHome: number) => ({ source: 'tank', storageLitres: 600, peopleAtHome });
    await raiseToCommittee(officer, ctx.branchIds.HQ!, [service], { monthlyIncome: 500, water: water(2) });
    await raiseToCommittee(officer, ctx.branchIds.HQ!, [service], { monthlyIncome: 18000, water: water(12) });
    const weights: Record<string, number> = {
      income_per_person: 5,
      household_size: 70,
      disability: 5,
      elderly: 5,
      water_source: 10,
      storage_per_person: 5,
    };
    const sizeHeavy = DEFAULT_CRITERIA.map((c) => ({ ...c, weight: weights[c.key]! }));
    expect(sizeHeavy.reduce((s, c) => s + c.weight, 0)).toBe(100);

    expect((await officer.post('/api/selection-criteria/preview', { criteria: sizeHeavy })).status).toBe(403);
    const bad = await admin.post('/api/selection-criteria/preview', { criteria: [{ key: 'disability', weight: 50 }] });
    expect(bad.status).toBe(400);
    const preview = await manager.post('/api/selection-criteria/preview', { criteria: sizeHeavy });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBe(2);
    expect(preview.body.moved).toBe(2);
    const [first] = preview.body.items;
    expect(first.rankAfter).toBe(1);
    expect(first.rankBefore).toBe(2);
    expect(first).not.toHaveProperty('name');

    const versions = await admin.get('/api/selection-criteria/versions');
    expect(versions.status).toBe(200);
    expect(versions.body.items).toHaveLength(1);
    const saved = await admin.post('/api/selection-criteria', {
      criteria: sizeHeavy,
      boardReference: 'محضر مجلس الإدارة رقم ٥',
      boardDate: riyadhDate(new Date()),
    });
    expect(saved.status).toBe(201);
    const after = await manager.get('/api/selection-criteria/versions');
    expect(after.body.items[0]).toMatchObject({ version: 2, boardReference: 'محضر مجلس الإدارة رقم ٥' });
    const audit = await lastAudit('selection.criteria_changed');
    expect(audit?.details).toMatchObject({ before: { version: 1 }, after: { version: 2, criteria: sizeHeavy } });
  });
});

describe('first-run checklist', () => {
  it('shows each step with its state to the admin only, and confirms the texts by hand', async () => {
    expect((await manager.get('/api/admin/setup')).status).toBe(403);
    const res = await admin.get('/api/admin/setup');
    expect(res.status).toBe(200);
    const step = (body: { steps: { key: string; done: boolean }[] }, key: string) =>
      body.steps.find((s) => s.key === key)!;
    expect(res.body.total).toBe(8);
    // Logo uploaded, NRT added with areas, but HQ still has none.
    expect(step(res.body, 'organisation').done).toBe(true);
    expect(step(res.body, 'branches').done).toBe(false);
    expect(step(res.body, 'calendar').done).toBe(true);
    expect(step(res.body, 'criteria').done).toBe(true);
    expect(step(res.body, 'texts').done).toBe(false);
    expect(step(res.body, 'providers').done).toBe(false);

    expect((await admin.post('/api/admin/setup/confirm', { step: 'services', confirmed: true })).status).toBe(400);
    const confirmed = await admin.post('/api/admin/setup/confirm', { step: 'texts', confirmed: true });
    expect(confirmed.status).toBe(200);
    expect(step(confirmed.body, 'texts').done).toBe(true);
    expect(confirmed.body.done).toBe(res.body.done + 1);
    expect((await lastAudit('settings.updated'))?.details).toEqual({
      before: { setupConfirmed: [] },
      after: { setupConfirmed: ['texts'] },
    });
  });
});

describe('knowledge acknowledgements', () => {
  it('lists who has not acknowledged the version in force and reminds them once, by a task', async () => {
    const doc = await manager.post('/api/knowledge', {
      kind: 'policies_manual',
      titleAr: 'دليل السياسات والإجراءات',
      bodyAr: 'يُحال المستفيد إلى مسؤول التنفيذ إذا لم تتضح له الإجراءات.',
      approvalRef: 'محضر رقم ٤',
      approvedOn: '2026-03-01',
      effectiveFrom: '2026-03-01',
    });
    const id = doc.body.id;
    expect((await officer.get(`/api/knowledge/${id}/acknowledgements`)).status).toBe(403);
    const status = await manager.get(`/api/knowledge/${id}/acknowledgements`);
    expect(status.status).toBe(200);
    expect(status.body.acknowledged).toBe(0);
    const versionId = status.body.versionId;
    await officer.post(`/api/knowledge/versions/${versionId}/acknowledge`);
    const after = await manager.get(`/api/knowledge/${id}/acknowledgements`);
    expect(after.body.acknowledged).toBe(1);
    expect(after.body.staff.at(-1).displayName).toBe('نورة السبيعي');

    const reminded = await admin.post(`/api/knowledge/${id}/acknowledgements/remind`);
    expect(reminded.status).toBe(200);
    expect(reminded.body.reminded).toBe(after.body.pending);
    const again = await admin.post(`/api/knowledge/${id}/acknowledgements/remind`);
    expect(again.body.reminded).toBe(0);
    const repTasks = (await rep.get('/api/tasks')).body.items.filter(
      (t: { kind: string }) => t.kind === 'knowledge_ack',
    );
    expect(repTasks).toHaveLength(1);
    expect((await officer.get('/api/tasks')).body.items.some((t: { kind: string }) => t.kind === 'knowledge_ack')).toBe(
      false,
    );
    // Reading it closes the reminder.
    await rep.post(`/api/knowledge/versions/${versionId}/acknowledge`);
    expect((await rep.get('/api/tasks')).body.items.some((t: { kind: string }) => t.kind === 'knowledge_ack')).toBe(
      false,
    );
  });
});
