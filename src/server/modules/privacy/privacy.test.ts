import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { beneficiaries, householdMembers, interactions } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { applyRetention } from './apply-retention';

let ctx: TestContext;
let officer: TestClient;
let manager: TestClient;
let admin: TestClient;
const today = riyadhDate(new Date());
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, manager, admin] = await signedInAs(ctx.app, ['officer', 'manager', 'admin'] as const);
});
afterAll(async () => {
  await ctx.close();
});

const register = async () =>
  (await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true }))).body
    .id as string;

describe('data-protection rights', () => {
  it('exports everything held about a person, as JSON and as a readable Arabic page', async () => {
    const id = await register();
    await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'سأل عن حقوقه في بياناته',
      beneficiaryId: id,
    });
    const json = await officer.get(`/api/beneficiaries/${id}/export?format=json`);
    expect(json.status).toBe(200);
    expect(json.body.file.id).toBe(id);
    expect(json.body.consents).toHaveLength(1);
    expect(json.body.contacts[0].summary).toBe('سأل عن حقوقه في بياناته');
    const html = await ctx.app.inject({
      url: `/api/beneficiaries/${id}/export?format=html`,
      headers: { cookie: officer.cookie! },
    });
    expect(html.body).toContain('نسخة المستفيد من بياناته الشخصية لدى الجمعية');
    expect((await admin.get(`/api/beneficiaries/${id}/export`)).status).toBe(403);
  });

  it('keeps the history of corrections, field by field', async () => {
    const id = await register();
    await officer.patch(`/api/beneficiaries/${id}`, { district: 'حي الصفا', monthlyIncome: 2500 });
    const revisions = await officer.get(`/api/beneficiaries/${id}/revisions`);
    expect(revisions.body.items[0].changes).toMatchObject({
      district: { from: 'حي الروضة', to: 'حي الصفا' },
      monthlyIncome: { from: 3000, to: 2500 },
    });
    expect(revisions.body.items[0].byName).toBe('نورة السبيعي');
  });

  it('anonymises when the purpose ends, but not under a legal hold', async () => {
    const id = await register();
    await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'رقم جواله الآخر 0551234567',
      beneficiaryId: id,
    });
    expect(
      (
        await manager.request('PUT', `/api/beneficiaries/${id}/legal-hold`, {
          until: addDays(today, 30),
          reason: 'قضية منظورة',
        })
      ).status,
    ).toBe(204);
    const held = await manager.post(`/api/beneficiaries/${id}/anonymise`, { reason: 'انتهى الغرض' });
    expect(held.status).toBe(409);
    expect(held.body.code).toBe('privacy.legal_hold');
    await manager.request('PUT', `/api/beneficiaries/${id}/legal-hold`, { until: null, reason: 'انتهت القضية' });
    expect((await manager.post(`/api/beneficiaries/${id}/anonymise`, { reason: 'انتهى الغرض' })).status).toBe(204);
    const [row] = await ctx.deps.db.select().from(beneficiaries).where(eq(beneficiaries.id, id));
    expect(row).toMatchObject({
      firstName: '[حُذف]',
      familyName: '[حُذف]',
      mobile: '',
      status: 'closed',
      statusReason: 'anonymised',
    });
    expect(row!.nationalId.startsWith('X')).toBe(true);
    expect(await ctx.deps.db.select().from(householdMembers).where(eq(householdMembers.beneficiaryId, id))).toEqual([]);
    const [contact] = await ctx.deps.db.select().from(interactions).where(eq(interactions.beneficiaryId, id));
    expect(contact!.summary).toBe('[حُذف]');
    expect((await manager.post(`/api/beneficiaries/${id}/anonymise`, { reason: 'مرة أخرى' })).body.code).toBe(
      'privacy.already_anonymised',
    );
    expect((await officer.post(`/api/beneficiaries/${id}/anonymise`, { reason: 'انتهى الغرض' })).status).toBe(403);
  });

  it('the retention job anonymises files closed longer than the period (controlled clock), except under a hold', async () => {
    const old = await register();
    const held = await register();
    const recent = await register();
    for (const id of [old, held, recent])
      await officer.post(`/api/beneficiaries/${id}/status`, { action: 'close', reason: 'انتقل خارج نطاق الخدمة' });
    await ctx.deps.db.execute(
      sql`update beneficiaries set closed_at = '2020-01-01T00:00:00Z' where id in (${old}, ${held})`,
    );
    await ctx.deps.db.execute(sql`update beneficiaries set legal_hold_until = '2040-01-01' where id = ${held}`);
    // Not yet: with a 10-year period nothing is due.
    expect(await applyRetention(ctx.deps, ctx.orgId, '2026-11-26', 120)).toBe(0);
    expect(await applyRetention(ctx.deps, ctx.orgId, '2026-11-26', 60)).toBe(1);
    const rows = await ctx.deps.db
      .select({ id: beneficiaries.id, anonymisedAt: beneficiaries.anonymisedAt })
      .from(beneficiaries);
    const state = Object.fromEntries(rows.map((r) => [r.id, Boolean(r.anonymisedAt)]));
    expect([state[old], state[held], state[recent]]).toEqual([true, false, false]);
  });

  it('keeps a breach register with the 72-hour reporting deadline', async () => {
    const discovered = new Date(Date.now() - 80 * 3_600_000).toISOString();
    const created = await manager.post('/api/breaches', {
      discoveredAt: discovered,
      description: 'أُرسل كشف بالخطأ إلى جهة أخرى',
      dataKinds: 'أسماء وأرقام جوال',
      affectedCount: 12,
    });
    expect(created.status).toBe(201);
    let list = await admin.get('/api/breaches');
    expect(list.body.items[0]).toMatchObject({ overdue: true, reportedAt: null, affectedCount: 12 });
    await manager.patch(`/api/breaches/${created.body.id}`, {
      reportedAt: new Date(Date.parse(discovered) + 24 * 3_600_000).toISOString(),
      reportedTo: 'الهيئة السعودية للبيانات والذكاء الاصطناعي',
      actions: 'طُلب حذف الكشف',
    });
    list = await admin.get('/api/breaches');
    expect(list.body.items[0]).toMatchObject({
      overdue: false,
      reportedTo: 'الهيئة السعودية للبيانات والذكاء الاصطناعي',
    });
    expect((await officer.get('/api/breaches')).status).toBe(403);
  });

  it('answers "which files did user X open between T1 and T2" from the audit log', async () => {
    const a = await register();
    const b = await register();
    const t1 = new Date(Date.now() - 1000).toISOString();
    await officer.get(`/api/beneficiaries/${a}`);
    await officer.get(`/api/beneficiaries/${b}`);
    const t2 = new Date(Date.now() + 1000).toISOString();
    const me = (await officer.get('/api/auth/session')).body.user.id;
    const res = await manager.get(
      `/api/audit?actorUserId=${me}&action=beneficiary.viewed&from=${encodeURIComponent(t1)}&to=${encodeURIComponent(t2)}`,
    );
    expect(res.body.items.map((i: { entityId: string }) => i.entityId).sort()).toEqual([a, b].sort());
  });
});
