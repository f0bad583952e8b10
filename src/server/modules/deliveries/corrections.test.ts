import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../../../common/domain/sla';
import { completeSteps, raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let chair: TestClient;
let manager: TestClient;
let rep: TestClient;
let memberIds: string[];
let serviceId: string;
const today = riyadhDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext({ reportsCacheMs: 0 });
  let admin: TestClient;
  [officer, execution, chair, manager, rep, admin] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'committee',
    'manager',
    'branchrep',
    'admin',
  ] as const);
  const created = await admin.post('/api/users', {
    username: 'committee.two',
    displayName: 'عضو ثان',
    password: 'committee-pass-1',
    role: 'committee',
    branchId: null,
  });
  expect(created.status).toBe(201);
  const users = (await admin.get('/api/users')).body.items as { id: string; role: string }[];
  memberIds = users.filter((u) => u.role === 'committee').map((u) => u.id);
  const services = (await officer.get('/api/services')).body.items as { id: string; code: string }[];
  serviceId = services.find((s) => s.code === 'tank_delivery')!.id;
});
afterAll(async () => {
  await ctx.close();
});

const idOf = async (client: TestClient) => (await client.get('/api/auth/session')).body.user.id as string;

/** An application of the KHB branch accepted, completed and enrolled by the officer; its first delivery's id. */
async function enrolled() {
  const app = await raiseToCommittee(officer, ctx.branchIds.KHB!, [serviceId], { district: 'قرية الشقة' });
  const meeting = await officer.post('/api/committee/meetings', {
    scheduledAt: new Date().toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: await idOf(chair),
    memberIds,
  });
  await chair.request('PUT', `/api/committee/meetings/${meeting.body.id}/attendance`, { present: memberIds });
  const decided = await chair.post(`/api/committee/meetings/${meeting.body.id}/items/${app.applicationId}/decision`, {
    decision: 'accepted',
  });
  expect(decided.status).toBe(200);
  await completeSteps(officer, execution, app.applicationId, {
    date: nextWorkingDate(addDays(today, 1), DEFAULT_CALENDAR),
    from: '08:00',
    to: '12:00',
  });
  const enrol = await officer.post(`/api/applications/${app.applicationId}/enrol`);
  expect(enrol.status).toBe(200);
  return { applicationId: app.applicationId, deliveryId: enrol.body.deliveryIds[0] as string };
}

describe('recorded corrections of a delivery outcome', () => {
  it('only with a reason, by who recorded it or the manager; the KPIs and the history follow the correction', async () => {
    const { applicationId, deliveryId } = await enrolled();
    const url = `/api/deliveries/${deliveryId}/corrections`;
    // Nothing recorded yet: nothing to correct.
    expect(
      (await rep.post(url, { reason: 'سجلت خطأ', outcome: 'failed', failureReason: 'لم يكن في المنزل' })).body.code,
    ).toBe('correction.not_recorded');
    expect(
      (await execution.request('PATCH', `/api/deliveries/${deliveryId}`, { assigneeUserId: await idOf(rep) })).status,
    ).toBe(204);
    const recorded = await rep.post(`/api/deliveries/${deliveryId}/outcome`, {
      outcome: 'delivered',
      recipientName: 'محمد عبدالله',
      earlyReason: 'المستفيد طلب التسليم مبكراً',
    });
    expect(recorded.status).toBe(200);
    const kpis = async () =>
      (await manager.get(`/api/reports/kpis?from=${today}&to=${today}`)).body.deliveries as {
        delivered: number;
        failed: number;
      };
    expect(await kpis()).toEqual({ delivered: 1, failed: 0 });

    // The reason is mandatory, and the values must change.
    const noReason = await rep.post(url, { outcome: 'failed', failureReason: 'لم يكن في المنزل' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('request.validation');
    const same = await rep.post(url, { reason: 'مراجعة السجل', recipientName: 'محمد عبدالله' });
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({
      code: 'correction.nothing_to_correct',
      message: expect.stringContaining('سُجّل'),
    });
    expect((await rep.post(url, { reason: 'سجلت خطأ', outcome: 'failed' })).body.code).toBe(
      'correction.failure_reason_required',
    );
    expect((await rep.post(url, { reason: 'سجلت خطأ', completedOn: addDays(today, 1) })).body.code).toBe(
      'correction.date_out_of_range',
    );
    // Someone else of a correcting role, who did not record it: refused; the officer has no such right at all.
    const other = await execution.post(url, { reason: 'سجلت خطأ', outcome: 'failed', failureReason: 'مغلق' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('correction.not_allowed');
    expect((await officer.post(url, { reason: 'سجلت خطأ', outcome: 'failed', failureReason: 'مغلق' })).status).toBe(
      403,
    );

    const fixed = await rep.post(url, {
      reason: 'ضغطت «تم التسليم» بالخطأ؛ البيت كان مغلقاً',
      outcome: 'failed',
      failureReason: 'البيت مغلق',
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({
      before: { outcome: 'delivered', recipientName: 'محمد عبدالله', failureReason: null },
      after: { outcome: 'failed', recipientName: null, failureReason: 'البيت مغلق' },
    });
    expect(await kpis()).toEqual({ delivered: 0, failed: 1 });
    const list = (
      await officer.get(
        `/api/deliveries?beneficiaryId=${(await officer.get(`/api/applications/${applicationId}`)).body.beneficiary.id}`,
      )
    ).body.items as {
      id: string;
      status: string;
      failureReason: string | null;
    }[];
    expect(list.find((d) => d.id === deliveryId)).toMatchObject({ status: 'failed', failureReason: 'البيت مغلق' });

    // The manager corrects it back, with a day moved; both corrections stay visible, newest first.
    const back = await manager.post(url, {
      reason: 'أكد المستفيد هاتفياً أنه استلم في اليوم السابق',
      outcome: 'delivered',
      recipientName: 'نورة محمد',
      completedOn: addDays(today, -1),
    });
    expect(back.status).toBe(201);
    expect(await kpis()).toEqual({ delivered: 0, failed: 0 });
    expect(
      (await manager.get(`/api/reports/kpis?from=${addDays(today, -1)}&to=${addDays(today, -1)}`)).body.deliveries,
    ).toEqual({ delivered: 1, failed: 0 });
    const history = await officer.get(url);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      subject: 'delivery',
      reason: 'أكد المستفيد هاتفياً أنه استلم في اليوم السابق',
      before: { outcome: 'failed', completedOn: today },
      after: { outcome: 'delivered', completedOn: addDays(today, -1), recipientName: 'نورة محمد' },
      correctedByName: expect.any(String),
    });
    expect((await officer.get(`/api/applications/${applicationId}/corrections`)).body.items).toHaveLength(2);
    const audit = await ctx.deps.db.execute(
      sql`select details from audit_log where action = 'delivery.corrected' and entity_id = ${deliveryId} order by id`,
    );
    const rows = (audit as unknown as { rows: { details: Record<string, unknown> }[] }).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.details).toMatchObject({
      before: { outcome: 'delivered' },
      after: { outcome: 'failed' },
      reason: 'ضغطت «تم التسليم» بالخطأ؛ البيت كان مغلقاً',
    });
    const evidence = await manager.get(`/api/reports/evidence?from=${today}&to=${today}`);
    expect(evidence.body).toContain('نتائج زيارات: ٢');
  });
});

describe('recorded corrections of "registration complete"', () => {
  it('moves the day it was completed, with a reason, within the possible range, by who enrolled it or the manager', async () => {
    const { applicationId } = await enrolled();
    const url = `/api/applications/${applicationId}/completion/corrections`;
    // The application was accepted three days ago (moved here in the data), so the range starts then.
    await ctx.deps.db.execute(
      sql`update application_transitions set at = at - interval '3 days' where application_id = ${applicationId} and to_stage = 'completing'`,
    );
    expect((await officer.post(url, { completedOn: addDays(today, -2) })).body.code).toBe('request.validation');
    expect((await officer.post(url, { reason: 'تأخر الإدخال', completedOn: today })).body.code).toBe(
      'correction.nothing_to_correct',
    );
    for (const day of [addDays(today, 1), addDays(today, -4)]) {
      expect((await officer.post(url, { reason: 'تأخر الإدخال', completedOn: day })).body.code).toBe(
        'correction.date_out_of_range',
      );
    }
    expect((await execution.post(url, { reason: 'تأخر الإدخال', completedOn: addDays(today, -2) })).body.code).toBe(
      'correction.not_allowed',
    );
    const fixed = await officer.post(url, {
      reason: 'اكتمل التسجيل قبل يومين وتأخر إدخاله',
      completedOn: addDays(today, -2),
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ before: { completedOn: today }, after: { completedOn: addDays(today, -2) } });
    const detail = await officer.get(`/api/applications/${applicationId}`);
    const enrolment = (detail.body.transitions as { toStage: string; at: string }[]).find(
      (t) => t.toStage === 'enrolled',
    );
    expect(riyadhDate(enrolment!.at)).toBe(addDays(today, -2));
    const evidence = await manager.get(`/api/reports/evidence?from=${addDays(today, -2)}&to=${addDays(today, -2)}`);
    expect(evidence.body).toMatch(/طلبات اكتمل تسجيلها<\/th><td>١</);
    const history = (await officer.get(`/api/applications/${applicationId}/corrections`)).body.items;
    expect(history).toEqual([
      expect.objectContaining({ subject: 'registration', reason: 'اكتمل التسجيل قبل يومين وتأخر إدخاله' }),
    ]);
    // The manager may correct it too; a file never enrolled has nothing to correct.
    expect((await manager.post(url, { reason: 'تصحيح من المدير', completedOn: addDays(today, -1) })).status).toBe(201);
    const pending = await raiseToCommittee(officer, ctx.branchIds.KHB!, [serviceId]);
    expect(
      (
        await officer.post(`/api/applications/${pending.applicationId}/completion/corrections`, {
          reason: 'تأخر الإدخال',
          completedOn: today,
        })
      ).body.code,
    ).toBe('correction.not_recorded');
  });
});
