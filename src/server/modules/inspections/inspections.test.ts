import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../../../common/domain/sla';
import { auditLog, notifications } from '../../db/tables/index';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

// Issue 12: the home inspection is the branch representative's task (assigned, in their My work, recorded by
// them only), and the delivery appointment is a stored working day and time window that reaches the beneficiary.

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let chair: TestClient;
let rep: TestClient;
let manager: TestClient;
let member2: TestClient;
let member3: TestClient;
let serviceIds: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, execution, chair, rep, manager, member2, member3] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'committee',
    'branchrep',
    'manager',
    'committee2',
    'committee3',
  ] as const);
  for (const [name, client] of Object.entries({ officer, execution, chair, rep, member2, member3 })) {
    ids[name] = (await client.get('/api/auth/session')).body.user.id;
  }
  serviceIds = Object.fromEntries(
    ((await officer.get('/api/services')).body.items as { id: string; code: string }[]).map((s) => [s.code, s.id]),
  );
});
afterAll(async () => {
  await ctx.close();
});

/**
 * An application of the given branch accepted by a meeting held now: the demo committee of three with a quorum of
 * two, so the chair alone cannot decide; a second member present can.
 */
async function accepted(branchId: string) {
  const app = await raiseToCommittee(officer, branchId, [serviceIds.tank_delivery!]);
  const meeting = await officer.post('/api/committee/meetings', {
    scheduledAt: new Date().toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: ids.chair,
    memberIds: [ids.chair, ids.member2, ids.member3],
  });
  expect(meeting.status).toBe(201);
  const attendance = `/api/committee/meetings/${meeting.body.id}/attendance`;
  const decide = `/api/committee/meetings/${meeting.body.id}/items/${app.applicationId}/decision`;
  await chair.request('PUT', attendance, { present: [ids.chair] });
  const alone = await chair.post(decide, { decision: 'accepted' });
  expect(alone.status).toBe(409);
  expect(alone.body).toMatchObject({ code: 'committee.no_quorum', details: { present: 1, needed: 2 } });
  await chair.request('PUT', attendance, { present: [ids.chair, ids.member2] });
  const decided = await chair.post(decide, { decision: 'accepted' });
  expect(decided.status).toBe(200);
  return app;
}

const myWork = async (client: TestClient) =>
  (await client.get('/api/work')).body.kinds as { kind: string; count: number; items: { id: string }[] }[];

function nextWeekday(from: string, weekday: number): string {
  let d = from;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== weekday) d = addDays(d, 1);
  return d;
}

describe('home inspection by the branch representative', () => {
  it('is assigned to a representative of the file’s branch, waits in their My work, and only they record it', async () => {
    const app = await accepted(ctx.branchIds.KHB!);
    const hq = await accepted(ctx.branchIds.HQ!);
    const path = `/api/applications/${app.applicationId}/inspection`;

    // The officer cannot tick the step for the representative.
    const tick = await officer.request('PUT', `/api/applications/${app.applicationId}/completion/site_visit`, {
      done: true,
    });
    expect(tick.status).toBe(409);
    expect(tick.body.code).toBe('committee.step_by_inspection');

    // Offered: the branch's representative first; another branch's representative is refused.
    const offered = (await officer.get(path)).body;
    expect(offered).toMatchObject({ inspection: null, canAssign: true, canRecord: false });
    expect(offered.inspectors[0]).toEqual({ id: ids.rep, name: expect.any(String), role: 'branch_rep' });
    const wrongBranch = await officer.request('PUT', `/api/applications/${hq.applicationId}/inspection/assignee`, {
      assigneeUserId: ids.rep,
    });
    expect(wrongBranch.status).toBe(400);
    expect(wrongBranch.body.code).toBe('inspection.bad_assignee');
    expect((await officer.request('PUT', `${path}/assignee`, { assigneeUserId: ids.officer })).body.code).toBe(
      'inspection.bad_assignee',
    );

    expect((await officer.request('PUT', `${path}/assignee`, { assigneeUserId: ids.rep })).status).toBe(204);
    // In the representative's My work and bell; nothing for the officer who assigned it.
    const mine = (await myWork(rep)).find((k) => k.kind === 'inspections_mine')!;
    expect(mine.items.map((i) => i.id)).toContain(app.applicationId);
    expect((await myWork(officer)).some((k) => k.kind === 'inspections_mine')).toBe(false);
    const notice = (await rep.get('/api/me/notifications')).body.items.find(
      (n: { kind: string; entityId: string }) => n.kind === 'inspection_assigned' && n.entityId === app.applicationId,
    );
    expect(notice).toBeDefined();
    expect(
      (await officer.get('/api/me/notifications')).body.items.some(
        (n: { kind: string }) => n.kind === 'inspection_assigned',
      ),
    ).toBe(false);

    // The officer may not record it, nor may someone it is not assigned to; bad input is a 400 with the field.
    const result = { outcome: 'suitable', note: 'المنزل في آخر الطريق الترابي', location: { lat: 24.8, lng: 43.7 } };
    expect((await officer.post(`${path}/result`, result)).status).toBe(403);
    const other = await execution.post(`${path}/result`, result);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('inspection.not_assignee');
    const bad = await rep.post(`${path}/result`, { outcome: 'fine', note: '' });
    expect(bad.status).toBe(400);
    expect((await rep.get(path)).body.inspection.recordedAt).toBeNull();

    const recorded = await rep.post(`${path}/result`, result);
    expect(recorded.status).toBe(204);
    const seen = (await officer.get(path)).body;
    expect(seen.inspection).toMatchObject({
      outcome: 'suitable',
      note: result.note,
      location: result.location,
      recordedByName: expect.any(String),
    });
    expect(seen.canAssign).toBe(false);
    const steps = (await officer.get(`/api/applications/${app.applicationId}/completion`)).body.items;
    expect(steps.find((s: { stepKey: string }) => s.stepKey === 'site_visit')).toMatchObject({ done: true });
    expect((await rep.post(`${path}/result`, result)).body.code).toBe('inspection.already_recorded');
    expect((await myWork(rep)).find((k) => k.kind === 'inspections_mine')!.items.map((i) => i.id)).not.toContain(
      app.applicationId,
    );
    const audit = await ctx.deps.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'application'), eq(auditLog.entityId, app.applicationId)));
    expect(audit.find((a) => a.action === 'inspection.assigned')).toMatchObject({
      actor: ids.officer,
      details: { before: { assigneeUserId: null }, after: { assigneeUserId: ids.rep } },
    });
    expect(audit.find((a) => a.action === 'inspection.recorded')?.actor).toBe(ids.rep);

    // Another branch's representative cannot even read the HQ file's inspection.
    expect((await rep.get(`/api/applications/${hq.applicationId}/inspection`)).status).toBe(403);
  });
});

describe('delivery appointment: a working day and a time window', () => {
  it('is stored, refuses a Friday, a past day or a reversed window, and reaches the delivery and the SMS', async () => {
    const app = await accepted(ctx.branchIds.HQ!);
    const path = `/api/applications/${app.applicationId}/appointment`;
    const today = riyadhDate(new Date());
    const tick = await officer.request('PUT', `/api/applications/${app.applicationId}/completion/schedule_agreed`, {
      done: true,
    });
    expect(tick.body.code).toBe('committee.step_by_appointment');

    const friday = nextWeekday(addDays(today, 1), 5);
    const onFriday = await officer.request('PUT', path, { date: friday, from: '08:00', to: '12:00' });
    expect(onFriday.status).toBe(400);
    expect(onFriday.body.code).toBe('delivery.non_working_day');
    const past = await officer.request('PUT', path, { date: addDays(today, -2), from: '08:00', to: '12:00' });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('appointment.past');
    const reversed = await officer.request('PUT', path, { date: addDays(today, 3), from: '14:00', to: '09:00' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.details).toContainEqual(
      expect.objectContaining({ field: 'to', message: 'نهاية الفترة يجب أن تكون بعد بدايتها.' }),
    );
    expect((await officer.get(`/api/applications/${app.applicationId}`)).body.appointment).toBeNull();

    const first = nextWorkingDate(addDays(today, 2), DEFAULT_CALENDAR);
    expect((await officer.request('PUT', path, { date: first, from: '08:00', to: '12:00' })).status).toBe(204);
    const day = nextWorkingDate(addDays(first, 1), DEFAULT_CALENDAR);
    expect((await officer.request('PUT', path, { date: day, from: '13:00', to: '16:30' })).status).toBe(204);
    expect((await officer.get(`/api/applications/${app.applicationId}`)).body.appointment).toEqual({
      date: day,
      from: '13:00',
      to: '16:30',
    });
    const moved = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'application.appointment_set'), eq(auditLog.entityId, app.applicationId)));
    expect(moved).toHaveLength(2);
    expect(moved.map((m) => m.details)).toContainEqual({
      before: { date: first, from: '08:00', to: '12:00' },
      after: { date: day, from: '13:00', to: '16:30' },
    });

    // The inspection (here by an execution officer: the head office has no representative), then enrolment.
    await officer.request('PUT', `/api/applications/${app.applicationId}/inspection/assignee`, {
      assigneeUserId: ids.execution,
    });
    await execution.post(`/api/applications/${app.applicationId}/inspection/result`, {
      outcome: 'suitable',
      note: 'تمت المعاينة',
    });
    const enrolled = await officer.post(`/api/applications/${app.applicationId}/enrol`);
    expect(enrolled.status).toBe(200);
    const deliveryId = enrolled.body.deliveryIds[0] as string;
    const list = (await execution.get(`/api/deliveries?beneficiaryId=${app.beneficiaryId}`)).body.items;
    expect(list[0]).toMatchObject({ id: deliveryId, scheduledDate: day, windowFrom: '13:00', windowTo: '16:30' });
    const [sms] = await ctx.deps.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.entityType, 'delivery'), eq(notifications.entityId, deliveryId)));
    expect(sms!.body).toContain('بين ١:٠٠ م و٤:٣٠ م');

    // Delivered at the door (early, with its reason): the evidence report counts it with its pin and window,
    // and the inspection recorded today.
    const done = await execution.post(`/api/deliveries/${deliveryId}/outcome`, {
      outcome: 'delivered',
      recipientName: 'المستفيد نفسه',
      location: { lat: 25.98, lng: 43.55 },
      earlyReason: 'طلب المستفيد التعبئة اليوم',
    });
    expect(done.status).toBe(200);
    const evidence = await ctx.app.inject({
      url: `/api/reports/evidence?from=${today}&to=${today}`,
      headers: { cookie: manager.cookie! },
    });
    expect(evidence.statusCode).toBe(200);
    const section = evidence.body.slice(evidence.body.indexOf('٧. تقديم الخدمة في موقع المستفيد'));
    expect(section).toMatch(/زيارات سُلِّمت فيها الخدمة<\/th><td>١<\/td>/);
    expect(section).toMatch(/منها بموقع مسجَّل عند الباب<\/th><td>١<\/td>/);
    expect(section).toMatch(/منها في موعد وفترة متفق عليهما مع المستفيد<\/th><td>١<\/td>/);
    expect(section).toMatch(/معاينات منازل سجّلها مندوبو الفروع<\/th><td>[١٢]/);
  });
});
