import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../../../common/domain/sla';
import { completeSteps, raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let chair: TestClient;
let admin: TestClient;
let member2: TestClient;
let memberIds: string[];
let serviceIds: Record<string, string>;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, execution, chair, admin] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'committee',
    'admin',
  ] as const);
  const extra: TestClient[] = [];
  for (const username of ['committee.two', 'committee.three']) {
    const created = await admin.post('/api/users', {
      username,
      displayName: `عضو ${username}`,
      password: 'committee-pass-1',
      role: 'committee',
      branchId: null,
    });
    expect(created.status).toBe(201);
    const client = new TestClient(ctx.app);
    await client.login(username, 'committee-pass-1');
    extra.push(client);
  }
  [member2] = extra as [TestClient, TestClient];
  const users = (await admin.get('/api/users')).body.items as { id: string; role: string; username: string }[];
  memberIds = users.filter((u) => u.role === 'committee').map((u) => u.id);
  serviceIds = Object.fromEntries(
    ((await officer.get('/api/services')).body.items as { id: string; code: string }[]).map((s) => [s.code, s.id]),
  );
});
afterAll(async () => {
  await ctx.close();
});

const chairId = async () => (await chair.get('/api/auth/session')).body.user.id as string;

async function newMeeting() {
  const res = await officer.post('/api/committee/meetings', {
    scheduledAt: new Date().toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: await chairId(),
    memberIds,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; reference: string; agendaSize: number };
}

const present = (meetingId: string, ids: string[]) =>
  chair.request('PUT', `/api/committee/meetings/${meetingId}/attendance`, { present: ids });
const decide = (client: TestClient, meetingId: string, appId: string, body: Record<string, unknown>) =>
  client.post(`/api/committee/meetings/${meetingId}/items/${appId}/decision`, body);

describe('committee meetings', () => {
  it('builds the agenda from applications in committee, best selection score first', async () => {
    const poor = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.tank_delivery!], {
      monthlyIncome: 0,
      water: { source: 'none', storageLitres: 0, peopleAtHome: 8 },
    });
    const richer = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.home_filter!], {
      monthlyIncome: 9000,
      water: { source: 'network', storageLitres: 2000, peopleAtHome: 2 },
    });
    const meeting = await newMeeting();
    const detail = await chair.get(`/api/committee/meetings/${meeting.id}`);
    const order = detail.body.agenda.map((i: { applicationId: string }) => i.applicationId);
    expect(order.indexOf(poor.applicationId)).toBeLessThan(order.indexOf(richer.applicationId));
    const scores = detail.body.agenda.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The same application is not put on two open agendas.
    const second = await newMeeting();
    expect(second.agendaSize).toBe(0);
  });

  it('needs a quorum; only present members vote; only the chair decides; rejection needs reasons', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.water_cooler!]);
    const meeting = await newMeeting();
    const myId = await chairId();
    expect((await present(meeting.id, [myId])).status).toBe(204);
    const item = `/api/committee/meetings/${meeting.id}/items/${app.applicationId}`;
    expect((await member2.request('PUT', `${item}/vote`, { vote: 'accept' })).body.code).toBe('committee.not_present');
    expect((await officer.request('PUT', `${item}/vote`, { vote: 'accept' })).status).toBe(403);
    const noQuorum = await decide(chair, meeting.id, app.applicationId, { decision: 'accepted' });
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body).toMatchObject({ code: 'committee.no_quorum', details: { present: 1, needed: 2 } });

    const member2Id = (await member2.get('/api/auth/session')).body.user.id;
    await present(meeting.id, [myId, member2Id]);
    expect((await member2.request('PUT', `${item}/vote`, { vote: 'reject' })).body.code).toBe(
      'committee.reason_required',
    );
    expect((await member2.request('PUT', `${item}/vote`, { vote: 'reject', reason: 'الدخل مرتفع' })).status).toBe(204);
    expect((await chair.request('PUT', `${item}/vote`, { vote: 'reject', reason: 'يوجد مصدر مياه' })).status).toBe(204);
    expect(
      (
        await decide(member2, meeting.id, app.applicationId, {
          decision: 'rejected',
          reasonCodes: ['income_above_limit'],
        })
      ).body.code,
    ).toBe('committee.chair_only');
    expect((await decide(chair, meeting.id, app.applicationId, { decision: 'rejected' })).body.code).toBe(
      'committee.reasons_required',
    );
    expect(
      (await decide(chair, meeting.id, app.applicationId, { decision: 'rejected', reasonCodes: ['made_up'] })).body
        .code,
    ).toBe('committee.unknown_reason');
    const res = await decide(chair, meeting.id, app.applicationId, {
      decision: 'rejected',
      reasonCodes: ['income_above_limit'],
      note: 'يمكنه التقديم لاحقاً',
    });
    expect(res.status).toBe(200);
    expect(res.body.letterReference).toMatch(/^\d{4}\/\d{4}$/);
    // The decision reached the beneficiary as an outbound letter on their timeline.
    const letters = await ctx.deps.db.execute(
      sql`select channel, direction from interactions where application_id = ${app.applicationId}`,
    );
    expect((letters as unknown as { rows: unknown[] }).rows).toEqual([{ channel: 'letter', direction: 'outbound' }]);
    // Decided once.
    expect((await decide(chair, meeting.id, app.applicationId, { decision: 'accepted' })).body.code).toBe(
      'committee.already_decided',
    );
  });

  it('two concurrent decisions on one application: exactly one wins, the other gets 409', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.tank_repair!]);
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    const results = await Promise.all([
      decide(chair, meeting.id, app.applicationId, { decision: 'accepted' }),
      decide(chair, meeting.id, app.applicationId, { decision: 'rejected', reasonCodes: ['data_mismatch'] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await officer.get(`/api/applications/${app.applicationId}`);
    expect(['completing', 'rejected']).toContain(detail.body.stage);
  });

  it('a deferred application returns to the next meeting’s agenda', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.bill_assistance!]);
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    expect(
      (await decide(chair, meeting.id, app.applicationId, { decision: 'deferred', note: 'يلزم فاتورة حديثة' })).status,
    ).toBe(200);
    expect((await chair.post(`/api/committee/meetings/${meeting.id}/close`)).status).toBe(204);
    const next = await newMeeting();
    const agenda = (await chair.get(`/api/committee/meetings/${next.id}`)).body.agenda;
    expect(agenda.map((i: { applicationId: string }) => i.applicationId)).toContain(app.applicationId);
  });
});

describe('the two-week target', () => {
  it('lists applications past the date the applicant was told', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.home_filter!]);
    const detail = await officer.get(`/api/applications/${app.applicationId}`);
    expect(detail.body.expectedDecisionDate).toBe(addDays(riyadhDate(new Date()), 14));
    expect((await officer.get('/api/committee/overdue')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      app.applicationId,
    );
    await ctx.deps.db.execute(
      sql`update applications set expected_decision_date = current_date - 1 where id = ${app.applicationId}`,
    );
    const overdue = await officer.get('/api/committee/overdue');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(app.applicationId);
  });
});

describe('appeals', () => {
  it('a rejected applicant appeals once, within the window; the appeal is heard at the next meeting', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.tank_delivery!]);
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    await decide(chair, meeting.id, app.applicationId, { decision: 'rejected', reasonCodes: ['need_not_established'] });
    await chair.post(`/api/committee/meetings/${meeting.id}/close`);
    expect(
      (await officer.post(`/api/applications/${app.applicationId}/appeal`, { reason: 'قصير', channel: 'letter' }))
        .status,
    ).toBe(400);
    const appeal = await officer.post(`/api/applications/${app.applicationId}/appeal`, {
      reason: 'لدي مستندات جديدة تثبت الحاجة',
      channel: 'letter',
    });
    expect(appeal.status).toBe(204);
    const next = await newMeeting();
    const agenda = (await chair.get(`/api/committee/meetings/${next.id}`)).body.agenda;
    expect(agenda.find((i: { applicationId: string }) => i.applicationId === app.applicationId)).toMatchObject({
      isAppeal: true,
    });
    await present(next.id, memberIds);
    expect(
      (await decide(chair, next.id, app.applicationId, { decision: 'rejected', reasonCodes: ['need_not_established'] }))
        .status,
    ).toBe(200);
    expect(
      (
        await officer.post(`/api/applications/${app.applicationId}/appeal`, {
          reason: 'تظلم ثان على القرار',
          channel: 'letter',
        })
      ).body.code,
    ).toBe('committee.appeal_exists');
  });

  it('refuses an appeal after the window', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.water_cooler!]);
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    await decide(chair, meeting.id, app.applicationId, { decision: 'rejected', reasonCodes: ['outside_service_area'] });
    await ctx.deps.db.execute(
      sql`update agenda_items set decided_at = now() - interval '31 days' where application_id = ${app.applicationId}`,
    );
    const late = await officer.post(`/api/applications/${app.applicationId}/appeal`, {
      reason: 'تأخرت في التظلم لسفري',
      channel: 'phone',
    });
    expect(late.body.code).toBe('committee.appeal_window_closed');
  });
});

describe('from acceptance to a delivered service', () => {
  it('completes registration, activates the file, schedules, delivers, and books the next recurring delivery', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.KHB!, [serviceIds.tank_delivery!], {
      district: 'قرية الشقة',
    });
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    const accepted = await decide(chair, meeting.id, app.applicationId, { decision: 'accepted' });
    expect(accepted.body).toMatchObject({ decision: 'accepted', stage: 'completing' });

    const letter = await ctx.app.inject({
      url: `/api/applications/${app.applicationId}/letter`,
      headers: { cookie: officer.cookie! },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toMatch(/text\/html/);
    expect(letter.body).toContain(app.name);
    expect(letter.body).toContain(accepted.body.letterReference);

    expect((await officer.post(`/api/applications/${app.applicationId}/enrol`)).body.code).toBe(
      'committee.completion_incomplete',
    );
    const steps = (await officer.get(`/api/applications/${app.applicationId}/completion`)).body.items;
    expect(steps.map((s: { stepKey: string }) => s.stepKey).sort()).toEqual(['schedule_agreed', 'site_visit']);
    // Neither step is a tick: the inspection is the inspector's record, the appointment a date and a window.
    for (const step of steps) {
      const ticked = await officer.request('PUT', `/api/applications/${app.applicationId}/completion/${step.stepKey}`, {
        done: true,
      });
      expect(ticked.status).toBe(409);
    }
    await completeSteps(officer, execution, app.applicationId, {
      date: nextWorkingDate(addDays(riyadhDate(new Date()), 1), DEFAULT_CALENDAR),
      from: '08:00',
      to: '12:00',
    });
    const enrolled = await officer.post(`/api/applications/${app.applicationId}/enrol`);
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.deliveryIds).toHaveLength(1);
    const file = await officer.get(`/api/beneficiaries/${app.beneficiaryId}`);
    expect(file.body.status).toBe('active');
    expect(file.body.reverifyDue > riyadhDate(new Date())).toBe(true);

    const [rep] = await signedInAs(ctx.app, ['branchrep'] as const);
    const repId = (await rep.get('/api/auth/session')).body.user.id;
    const deliveryId = enrolled.body.deliveryIds[0];
    expect((await execution.patch(`/api/deliveries/${deliveryId}`, { assigneeUserId: repId })).status).toBe(204);
    // Scheduled for the next working day (Sunday to Thursday): tomorrow, or the Sunday after a weekend.
    const firstDay = nextWorkingDate(addDays(riyadhDate(new Date()), 1), DEFAULT_CALENDAR);
    const route = await rep.get(`/api/deliveries?assignee=me&from=${firstDay}&to=${firstDay}`);
    expect(route.body.items.map((d: { id: string }) => d.id)).toEqual([deliveryId]);
    expect(route.body.items[0]).toMatchObject({ district: 'قرية الشقة', status: 'scheduled' });

    expect((await rep.post(`/api/deliveries/${deliveryId}/outcome`, { outcome: 'delivered' })).status).toBe(400);
    const outcome = {
      outcome: 'delivered',
      recipientName: 'سعد (ابن المستفيد)',
      location: { lat: 26.3, lng: 43.7 },
      note: 'عُبّئ الخزان كاملاً',
    };
    // Before its day, it is recorded only with a confirmed reason.
    const early = await rep.post(`/api/deliveries/${deliveryId}/outcome`, outcome);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('delivery.early_reason_required');
    const done = await rep.post(`/api/deliveries/${deliveryId}/outcome`, {
      ...outcome,
      earlyReason: 'طلب المستفيد التعبئة اليوم لنفاد الماء',
    });
    expect(done.status).toBe(200);
    expect(done.body.nextDeliveryId).toBeTruthy();
    const all = await execution.get(`/api/deliveries?beneficiaryId=${app.beneficiaryId}`);
    const next = all.body.items.find((d: { id: string }) => d.id === done.body.nextDeliveryId);
    expect(next).toMatchObject({
      status: 'scheduled',
      sequence: 2,
      // One interval after the day it was actually delivered (early), moved to a working day.
      scheduledDate: nextWorkingDate(addDays(riyadhDate(new Date()), 30), DEFAULT_CALENDAR),
    });
    expect(
      (await rep.post(`/api/deliveries/${deliveryId}/outcome`, { outcome: 'failed', reason: 'مرة أخرى' })).body.code,
    ).toBe('delivery.not_scheduled');

    // A suspended file: its planned delivery is cancelled, and no new one is created.
    await officer.post(`/api/beneficiaries/${app.beneficiaryId}/status`, {
      action: 'suspend',
      reason: 'يستفيد من جهة أخرى',
    });
    const after = await execution.get(`/api/deliveries?beneficiaryId=${app.beneficiaryId}`);
    expect(after.body.items.find((d: { id: string }) => d.id === done.body.nextDeliveryId).status).toBe('cancelled');
  });

  it('a failed delivery keeps its reason and may be rescheduled; only the right people assign', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.water_cooler!]);
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    await decide(chair, meeting.id, app.applicationId, { decision: 'accepted' });
    await completeSteps(officer, execution, app.applicationId, {
      date: nextWorkingDate(addDays(riyadhDate(new Date()), 1), DEFAULT_CALENDAR),
      from: '08:00',
      to: '12:00',
    });
    const enrolled = await officer.post(`/api/applications/${app.applicationId}/enrol`);
    const deliveryId = enrolled.body.deliveryIds[0];
    const [rep] = await signedInAs(ctx.app, ['branchrep'] as const);
    const repId = (await rep.get('/api/auth/session')).body.user.id;
    // The HQ delivery cannot go to the other branch's representative, nor be touched by them.
    expect((await execution.patch(`/api/deliveries/${deliveryId}`, { assigneeUserId: repId })).body.code).toBe(
      'delivery.bad_assignee',
    );
    expect(
      (await rep.post(`/api/deliveries/${deliveryId}/outcome`, { outcome: 'failed', reason: 'لا أحد في المنزل' }))
        .status,
    ).toBe(403);
    expect((await officer.patch(`/api/deliveries/${deliveryId}`, { scheduledDate: '2030-01-01' })).status).toBe(403);
    const failed = await execution.post(`/api/deliveries/${deliveryId}/outcome`, {
      outcome: 'failed',
      reason: 'لا أحد في المنزل',
      rescheduleTo: nextWorkingDate(addDays(riyadhDate(new Date()), 3), DEFAULT_CALENDAR),
    });
    expect(failed.status).toBe(200);
    const list = (await execution.get(`/api/deliveries?beneficiaryId=${app.beneficiaryId}`)).body.items;
    expect(list.find((d: { id: string }) => d.id === deliveryId)).toMatchObject({
      status: 'failed',
      failureReason: 'لا أحد في المنزل',
    });
    expect(list.find((d: { id: string }) => d.id === failed.body.nextDeliveryId)).toMatchObject({
      status: 'scheduled',
    });
  });
});

describe('minutes', () => {
  it('render as an Arabic A4 page with attendees, decisions and escaped names', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.home_filter!], {
      firstName: '<b>خالد</b>',
    });
    const meeting = await newMeeting();
    await present(meeting.id, memberIds);
    await decide(chair, meeting.id, app.applicationId, { decision: 'accepted' });
    const res = await ctx.app.inject({
      url: `/api/committee/meetings/${meeting.id}/minutes`,
      headers: { cookie: chair.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('محضر اجتماع لجنة دراسة طلبات الالتحاق');
    expect(res.body).toContain('&lt;b&gt;خالد&lt;/b&gt;');
    expect(res.body).not.toContain('<b>خالد</b>');
    expect(res.body).toContain('@page { size: A4');
    // Branch representatives do not read committee minutes.
    const [rep] = await signedInAs(ctx.app, ['branchrep'] as const);
    expect((await rep.get(`/api/committee/meetings/${meeting.id}/minutes`)).status).toBe(403);
  });
});
