import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus, findCaseTransition } from '../../../common/domain/case';
import { auditLog, cases } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { escalateBreachedCases } from './escalate';

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let manager: TestClient;
let admin: TestClient;
let rep: TestClient;
let committee: TestClient;
let beneficiaryId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, execution, manager, admin, rep, committee] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'manager',
    'admin',
    'branchrep',
    'committee',
  ] as const);
  beneficiaryId = (await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!))).body.id;
});
afterAll(async () => {
  await ctx.close();
});

const newCase = (body: Record<string, unknown>, client = officer) =>
  client.post('/api/cases', {
    kind: 'inquiry',
    channel: 'phone',
    subject: 'موعد توصيل الصهريج',
    description: 'متى يصل الصهريج القادم؟',
    beneficiaryId,
    ...body,
  });
const move = (id: string, to: string, note?: string, client = officer) =>
  client.post(`/api/cases/${id}/transitions`, { to, ...(note ? { note } : {}) });
const detail = async (id: string, client = officer) => (await client.get(`/api/cases/${id}`)).body;

describe('interactions on the eight channels', () => {
  it('logs a call for a file, and one for an unknown caller that is linked later; the file shows one timeline', async () => {
    const call = await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'سأل عن موعد الصهريج',
      durationSeconds: 180,
      beneficiaryId,
    });
    expect(call.status).toBe(201);
    const stranger = await officer.post('/api/interactions', {
      channel: 'social_media',
      direction: 'inbound',
      summary: 'رسالة عبر تويتر',
      contactName: 'أبو فهد',
      contactMobile: '0551112233',
    });
    expect(stranger.status).toBe(201);
    expect(
      (await officer.get('/api/interactions?unlinked=true')).body.items.map((i: { id: string }) => i.id),
    ).toContain(stranger.body.id);
    expect((await officer.patch(`/api/interactions/${stranger.body.id}`, { beneficiaryId })).status).toBe(204);
    expect((await officer.patch(`/api/interactions/${stranger.body.id}`, { beneficiaryId })).body.code).toBe(
      'interaction.not_linkable',
    );
    await newCase({});
    const timeline = await officer.get(`/api/beneficiaries/${beneficiaryId}/timeline`);
    const types = new Set(timeline.body.items.map((i: { type: string }) => i.type));
    expect(types).toEqual(new Set(['interaction', 'case']));
    expect(timeline.body.items.map((i: { id: string }) => i.id)).toContain(stranger.body.id);
  });

  it('refuses an unknown channel and a contact with nobody named', async () => {
    const bad = await officer.post('/api/interactions', {
      channel: 'carrier_pigeon',
      direction: 'inbound',
      summary: 'x x',
      beneficiaryId,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('channel');
    const nobody = await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'مكالمة',
    });
    expect(nobody.body.details[0].issue).toBe('field.contact_required');
  });
});

describe('the case machine', () => {
  it('walks new → in progress → referred → in progress → waiting → in progress → resolved → closed, and reopens', async () => {
    const { id, reference } = (
      await newCase({ kind: 'complaint', subject: 'تأخر الصهريج', description: 'لم يصل الصهريج منذ أسبوعين' })
    ).body;
    expect(reference).toMatch(/^C-\d{4}-\d{5}$/);
    expect((await move(id, 'in_progress')).status).toBe(200);
    // "Start processing" is not a response: the first response waits for a reply that reaches the person.
    expect((await detail(id)).firstResponseAt).toBeNull();
    expect((await move(id, 'referred')).body.code).toBe('case.note_required');
    expect((await move(id, 'referred', 'يحتاج قرار مسؤول التنفيذ')).status).toBe(200);
    // Only the execution officer answers a referral.
    expect((await move(id, 'in_progress', 'رد')).status).toBe(403);
    expect((await move(id, 'in_progress', 'جُدول التوصيل غداً', execution)).status).toBe(200);
    expect((await move(id, 'waiting_beneficiary')).status).toBe(200);
    expect((await detail(id)).sla).toBe('paused');
    expect((await move(id, 'in_progress')).status).toBe(200);
    expect((await move(id, 'resolved', 'وصل الصهريج وتأكد المستفيد')).status).toBe(200);
    expect((await move(id, 'closed')).status).toBe(200);
    expect((await move(id, 'in_progress', 'عاد الانقطاع')).status).toBe(200);
    expect((await detail(id)).reopenCount).toBe(1);
  });

  it('refuses every illegal transition with 409', async () => {
    const { id } = (await newCase({})).body;
    const path: [CaseStatus, string | undefined, TestClient][] = [
      ['in_progress', undefined, officer],
      ['waiting_beneficiary', undefined, officer],
      ['in_progress', undefined, officer],
      ['resolved', 'تمت الإجابة', officer],
      ['closed', undefined, officer],
    ];
    let tried = 0;
    for (const [next, note, client] of [...path, [undefined, undefined, officer] as const]) {
      const status = (await detail(id)).status as CaseStatus;
      for (const to of CASE_STATUSES) {
        if (findCaseTransition(status, to)) continue;
        const res = await move(id, to, 'x');
        expect(res.status, `${status} → ${to}`).toBe(409);
        expect(res.body.code).toBe('case.illegal_transition');
        tried += 1;
      }
      if (next) expect((await move(id, next, note, client)).status).toBe(200);
    }
    expect(tried).toBeGreaterThan(15);
  });

  it('reopening is refused after the window', async () => {
    const { id } = (await newCase({})).body;
    await move(id, 'resolved', 'أجيب هاتفياً');
    await ctx.deps.db
      .update(cases)
      .set({ resolvedAt: new Date(Date.now() - 30 * 86_400_000) })
      .where(eq(cases.id, id));
    expect((await move(id, 'in_progress', 'إعادة')).body.code).toBe('case.reopen_window_closed');
  });
});

describe('SLA', () => {
  it('sets due times from the working calendar and pauses while waiting for the beneficiary', async () => {
    const { id } = (await newCase({ kind: 'complaint', priority: 'high' })).body;
    const before = await detail(id);
    // A high-priority complaint: 2 working hours to respond, 20 to resolve.
    expect(new Date(before.firstResponseDueAt) > new Date(before.createdAt)).toBe(true);
    await move(id, 'in_progress');
    await move(id, 'waiting_beneficiary');
    // Pretend the case waited for two working days: resuming moves the deadline forward by that working time.
    await ctx.deps.db.execute(sql`update cases set paused_at = paused_at - interval '7 days' where id = ${id}`);
    await move(id, 'in_progress');
    const after = await detail(id);
    const shiftHours =
      (new Date(after.resolutionDueAt).getTime() - new Date(before.resolutionDueAt).getTime()) / 3_600_000;
    // Seven calendar days hold five working days of eight hours, give or take the days' edges.
    expect(shiftHours).toBeGreaterThan(24 * 5);
    expect(after.pausedAt).toBeNull();
  });

  it('lists breached and at-risk cases, and escalates a breached case to the manager once', async () => {
    const { id: breachedId } = (await newCase({ subject: 'شكوى متأخرة' })).body;
    const { id: riskId } = (await newCase({ subject: 'قارب موعدها' })).body;
    await ctx.deps.db.execute(
      sql`update cases set resolution_due_at = now() - interval '1 hour' where id = ${breachedId}`,
    );
    await ctx.deps.db.execute(
      sql`update cases set created_at = now() - interval '10 hours', resolution_due_at = now() + interval '1 hour' where id = ${riskId}`,
    );
    const breached = await officer.get('/api/cases?sla=breached');
    expect(breached.body.items.map((c: { id: string }) => c.id)).toContain(breachedId);
    expect(breached.body.items.every((c: { sla: string }) => c.sla === 'breached')).toBe(true);
    const atRisk = await officer.get('/api/cases?sla=at_risk');
    expect(atRisk.body.items.map((c: { id: string }) => c.id)).toEqual([riskId]);

    expect(await escalateBreachedCases(ctx.deps.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await escalateBreachedCases(ctx.deps.db, new Date())).toBe(0);
    const tasks = await manager.get('/api/tasks');
    const task = tasks.body.items.find((t: { entityId: string }) => t.entityId === breachedId);
    expect(task).toMatchObject({ kind: 'case_escalation' });
    expect(
      (await officer.get('/api/tasks')).body.items.find((t: { entityId: string }) => t.entityId === breachedId),
    ).toBeUndefined();
    expect((await manager.post(`/api/tasks/${task.id}/done`)).status).toBe(204);
  });
});

describe('replies, notes and suggestions', () => {
  it('keeps notes internal, sends replies as outbound contacts, refuses 1 MB replies, stores script as text', async () => {
    const { id } = (await newCase({})).body;
    expect((await officer.post(`/api/cases/${id}/messages`, { kind: 'note', body: 'اتصلت بالسائق' })).status).toBe(204);
    const script = '<script>alert(1)</script> سيصلكم الصهريج غداً';
    expect((await officer.post(`/api/cases/${id}/messages`, { kind: 'reply', body: script })).status).toBe(204);
    const c = await detail(id);
    expect(c.messages.map((m: { kind: string }) => m.kind)).toEqual(['inbound', 'note', 'reply']);
    expect(c.messages[2].body).toBe(script);
    expect(c.firstResponseAt).not.toBeNull();
    const big = await officer.post(`/api/cases/${id}/messages`, { kind: 'reply', body: 'ا'.repeat(1024 * 1024) });
    expect(big.status).toBe(413);
    const long = await officer.post(`/api/cases/${id}/messages`, { kind: 'reply', body: 'ا'.repeat(6000) });
    expect(long.status).toBe(400);
  });

  it('tracks a suggestion to its outcome and tells it back; declining needs a reason', async () => {
    const { id } = (
      await newCase({ kind: 'suggestion', subject: 'توصيل مسائي', description: 'أقترح توصيل الصهاريج مساءً' })
    ).body;
    expect((await officer.post(`/api/cases/${id}/outcome`, { outcome: 'declined' })).status).toBe(400);
    expect((await officer.post(`/api/cases/${id}/outcome`, { outcome: 'accepted' })).status).toBe(204);
    const c = await detail(id);
    expect(c.outcome).toBe('accepted');
    expect(c.messages.at(-1).kind).toBe('reply');
    const notSuggestion = (await newCase({})).body.id;
    expect((await officer.post(`/api/cases/${notSuggestion}/outcome`, { outcome: 'accepted' })).body.code).toBe(
      'case.not_suggestion',
    );
  });

  it('an anonymous suggestion stays anonymous: no identity stored, none exposed, not even to the admin', async () => {
    const withIdentity = await newCase({
      kind: 'suggestion',
      anonymous: true,
      subject: 'اقتراح',
      description: 'اقتراح مجهول',
    });
    expect(withIdentity.status).toBe(400);
    const anonymous = await officer.post('/api/cases', {
      kind: 'suggestion',
      channel: 'website',
      subject: 'تحسين الموقع',
      description: 'أضيفوا خريطة للفروع',
      anonymous: true,
    });
    expect(anonymous.status).toBe(201);
    const id = anonymous.body.id;
    const c = await detail(id);
    expect(c).toMatchObject({ anonymous: true, beneficiaryId: null, contactName: null, contactMobile: null });
    expect(c).not.toHaveProperty('createdBy');
    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(row).toMatchObject({
      beneficiaryId: null,
      contactName: null,
      contactMobile: null,
      createdBy: null,
      branchId: null,
    });
    const [audit] = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit?.ip).toBeNull();
    // The admin cannot read cases at all; the audit API shows no identity for it either.
    expect((await admin.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await officer.post(`/api/cases/${id}/messages`, { kind: 'reply', body: 'شكراً' })).body.code).toBe(
      'case.anonymous_no_reply',
    );
    const timeline = await officer.get(`/api/beneficiaries/${beneficiaryId}/timeline`);
    expect(timeline.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const rejected = await officer.post('/api/cases', {
      kind: 'complaint',
      channel: 'website',
      subject: 'x x x',
      description: 'y y y',
      anonymous: true,
    });
    expect(rejected.body.details[0].issue).toBe('field.anonymous_suggestion_only');
  });
});

describe('case rights', () => {
  it('committee members and the admin do not work cases; a branch representative sees their branch only', async () => {
    expect((await committee.get('/api/cases')).status).toBe(403);
    expect((await admin.get('/api/cases')).status).toBe(403);
    const { id } = (await newCase({})).body;
    expect((await rep.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await rep.get('/api/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await manager.get(`/api/cases/${id}`)).status).toBe(200);
    expect((await manager.post(`/api/cases/${id}/transitions`, { to: 'in_progress' })).status).toBe(403);
  });
});
