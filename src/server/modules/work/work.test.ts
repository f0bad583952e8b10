import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../../../common/domain/sla';
import { auditLog, cases, committeeMeetings, staffNotifications, surveyInvitations } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { completeSteps, raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let chair: TestClient;
let admin: TestClient;
let manager: TestClient;
let rep: TestClient;
let member2: TestClient;
let memberIds: string[];
let serviceIds: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, execution, chair, admin, manager, rep] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'committee',
    'admin',
    'manager',
    'branchrep',
  ] as const);
  for (const [name, client] of Object.entries({ officer, execution, chair, admin, manager, rep })) {
    ids[name] = (await client.get('/api/auth/session')).body.user.id;
  }
  const created = await admin.post('/api/users', {
    username: 'committee.second',
    displayName: 'عضو ثان',
    password: 'committee-pass-1',
    role: 'committee',
    branchId: null,
  });
  expect(created.status).toBe(201);
  member2 = new TestClient(ctx.app);
  await member2.login('committee.second', 'committee-pass-1');
  ids.member2 = created.body.id;
  memberIds = [ids.chair!, ids.member2!];
  serviceIds = Object.fromEntries(
    ((await officer.get('/api/services')).body.items as { id: string; code: string }[]).map((s) => [s.code, s.id]),
  );
});
afterAll(async () => {
  await ctx.close();
});

type Kind = { kind: string; count: number; countsTowardTotal: boolean; items: { id: string; status: string }[] };
async function work(client: TestClient, query = '') {
  const res = await client.get(`/api/work${query}`);
  expect(res.status).toBe(200);
  const kinds = res.body.kinds as Kind[];
  return { total: res.body.total as number, kinds, of: (k: string) => kinds.find((x) => x.kind === k) };
}
const notices = async (client: TestClient) => (await client.get('/api/me/notifications')).body;

async function newMeeting(scheduledAt: Date) {
  const res = await officer.post('/api/committee/meetings', {
    scheduledAt: scheduledAt.toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: ids.chair,
    memberIds,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** An application accepted by a meeting held now, waiting to complete registration. */
async function acceptedApplication(branchId = ctx.branchIds.HQ!) {
  const app = await raiseToCommittee(officer, branchId, [serviceIds.tank_delivery!]);
  const meetingId = await newMeeting(new Date());
  await chair.request('PUT', `/api/committee/meetings/${meetingId}/attendance`, { present: memberIds });
  const decided = await chair.post(`/api/committee/meetings/${meetingId}/items/${app.applicationId}/decision`, {
    decision: 'accepted',
  });
  expect(decided.status).toBe(200);
  return { ...app, meetingId };
}

describe('My work (GET /api/work)', () => {
  it('lists what waits on each role by kind, oldest first, with counts and a total', async () => {
    const first = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const older = await officer.post('/api/applications', {
      beneficiaryId: first.body.id,
      serviceIds: [serviceIds.home_filter],
      channel: 'meeting',
    });
    const second = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const newer = await officer.post('/api/applications', {
      beneficiaryId: second.body.id,
      serviceIds: [serviceIds.home_filter],
      channel: 'phone',
    });
    const mine = await work(officer);
    const toVerify = mine.of('applications_to_verify')!;
    expect(toVerify.count).toBeGreaterThanOrEqual(2);
    const order = toVerify.items.map((i) => i.id);
    expect(order.indexOf(older.body.id)).toBeLessThan(order.indexOf(newer.body.id));
    expect(mine.total).toBe(mine.kinds.filter((k) => k.countsTowardTotal).reduce((n, k) => n + k.count, 0));
    expect(mine.kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['applications_to_verify', 'applications_returned', 'applications_to_raise']),
    );
    expect(mine.of('referrals_received')).toBeUndefined();

    // The limit bounds the items, never the count.
    const one = await work(officer, '?limit=1&kind=applications_to_verify');
    expect(one.kinds).toHaveLength(1);
    expect(one.kinds[0]!.items).toHaveLength(1);
    expect(one.kinds[0]!.count).toBe(toVerify.count);
    expect((await officer.get('/api/work?limit=0')).status).toBe(400);
    expect((await officer.get('/api/work?kind=nothing')).status).toBe(400);

    // The admin runs the system: only their own tasks. Anonymous callers get nothing.
    expect((await work(admin)).kinds.map((k) => k.kind)).toEqual(['tasks']);
    expect((await new TestClient(ctx.app).get('/api/work')).status).toBe(401);
  });

  it('keeps accepted applications in view until they are enrolled (completing), and committee work for members', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.water_cooler!]);
    const committeeWork = await work(chair);
    expect(committeeWork.of('applications_in_committee')!.items.map((i) => i.id)).toContain(app.applicationId);
    const meetingId = await newMeeting(new Date());
    expect((await work(member2)).of('committee_meetings')!.items.map((i) => i.id)).toContain(meetingId);

    await chair.request('PUT', `/api/committee/meetings/${meetingId}/attendance`, { present: memberIds });
    await chair.post(`/api/committee/meetings/${meetingId}/items/${app.applicationId}/decision`, {
      decision: 'accepted',
    });
    for (const client of [officer, execution]) {
      const completing = (await work(client)).of('applications_completing')!;
      expect(completing.items.find((i) => i.id === app.applicationId)).toMatchObject({ status: 'completing' });
    }
    expect((await work(chair)).of('applications_in_committee')!.items.map((i) => i.id)).not.toContain(
      app.applicationId,
    );
  });

  it('a branch representative sees only their own branch', async () => {
    const hq = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const hqApp = await officer.post('/api/applications', {
      beneficiaryId: hq.body.id,
      serviceIds: [serviceIds.home_filter],
      channel: 'meeting',
    });
    const khb = await rep.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.KHB!));
    const khbApp = await rep.post('/api/applications', {
      beneficiaryId: khb.body.id,
      serviceIds: [serviceIds.home_filter],
      channel: 'branch_rep',
    });
    expect(khbApp.status).toBe(201);
    const repWork = await work(rep, '?limit=50');
    const listed = repWork.of('applications_to_verify')!.items.map((i) => i.id);
    expect(listed).toContain(khbApp.body.id);
    expect(listed).not.toContain(hqApp.body.id);
    // Every count the representative sees is of their branch: the officer (all branches) sees more.
    expect(repWork.of('applications_to_verify')!.count).toBeLessThan(
      (await work(officer)).of('applications_to_verify')!.count,
    );
  });
});

describe('referrals: the question waits on the execution officer, the answer comes back to the sender', () => {
  it('shows a referred application to the execution officer and the answer to the officer who asked', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const app = await officer.post('/api/applications', {
      beneficiaryId: b.body.id,
      serviceIds: [serviceIds.home_filter],
      channel: 'meeting',
    });
    const id = app.body.id as string;
    await officer.post(`/api/applications/${id}/transitions`, { to: 'submitted' });
    await officer.post(`/api/applications/${id}/transitions`, { to: 'verifying' });
    const referred = await officer.post(`/api/applications/${id}/transitions`, {
      to: 'referred',
      note: 'هل يشمل الفلتر المنزلي المستأجرين؟',
    });
    expect(referred.status).toBe(200);

    const received = (await work(execution)).of('referrals_received')!;
    expect(received.items.find((i) => i.id === id)).toMatchObject({ status: 'referred' });
    const sent = (await work(officer)).of('referrals_sent')!;
    expect(sent.countsTowardTotal).toBe(false);
    expect(sent.items.find((i) => i.id === id)).toMatchObject({ status: 'waiting' });

    const before = (await notices(officer)).unread as number;
    const answered = await execution.post(`/api/applications/${id}/transitions`, {
      to: 'verifying',
      note: 'نعم، بشرط موافقة المالك',
    });
    expect(answered.status).toBe(200);
    const after = await notices(officer);
    expect(after.unread).toBe(before + 1);
    expect(after.items[0]).toMatchObject({
      kind: 'referral_answered',
      entityType: 'application',
      entityId: id,
      reference: app.body.reference,
      detail: 'نعم، بشرط موافقة المالك',
      readAt: null,
    });
    expect((await work(officer)).of('referrals_sent')!.items.find((i) => i.id === id)).toMatchObject({
      status: 'answered',
    });
    expect((await work(execution)).of('referrals_received')!.items.map((i) => i.id)).not.toContain(id);
    // The one who answered is not told about their own answer.
    expect((await notices(execution)).items.some((n: { entityId: string }) => n.entityId === id)).toBe(false);

    // Read one; then all.
    const read = await officer.post('/api/me/notifications/read', { ids: [after.items[0].id] });
    expect(read.body.unread).toBe(before);
    expect((await officer.post('/api/me/notifications/read', { all: true })).body.unread).toBe(0);
    expect((await officer.post('/api/me/notifications/read', { ids: [] })).status).toBe(400);
  });

  it('tells the officer who referred a case when the execution officer answers it', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const c = await officer.post('/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'شروط برادة المسجد',
      description: 'هل تُركّب برادة لمسجد الحي؟',
      beneficiaryId: b.body.id,
    });
    await officer.post(`/api/cases/${c.body.id}/transitions`, { to: 'referred', note: 'تحتاج رأي مسؤول التنفيذ' });
    expect((await work(execution)).of('referrals_received')!.items.map((i) => i.id)).toContain(c.body.id);
    expect((await work(officer)).of('referrals_sent')!.items.find((i) => i.id === c.body.id)).toMatchObject({
      status: 'waiting',
    });
    await execution.post(`/api/cases/${c.body.id}/transitions`, { to: 'in_progress', note: 'تُركّب بعد زيارة الموقع' });
    const n = (await notices(officer)).items.find((x: { entityId: string }) => x.entityId === c.body.id);
    expect(n).toMatchObject({ kind: 'referral_answered', entityType: 'case', reference: c.body.reference });
    expect((await work(officer)).of('referrals_sent')!.items.find((i) => i.id === c.body.id)).toMatchObject({
      status: 'answered',
    });
  });
});

describe('notifications on hand-offs, never for one’s own action', () => {
  it('the officer who raised an application hears the decision; the chair who took it does not', async () => {
    const { applicationId } = await acceptedApplication();
    const officerNotices = (await notices(officer)).items as { kind: string; entityId: string; detail: string }[];
    expect(officerNotices.find((n) => n.entityId === applicationId)).toMatchObject({
      kind: 'application_decided',
      detail: 'accepted',
    });
    expect(((await notices(chair)).items as { entityId: string }[]).some((n) => n.entityId === applicationId)).toBe(
      false,
    );
  });

  it('assigning a case or a delivery tells the new owner, unless they assigned it to themself', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const c = await officer.post('/api/cases', {
      kind: 'complaint',
      channel: 'phone',
      subject: 'تأخر الصهريج',
      description: 'لم يصل',
      beneficiaryId: b.body.id,
    });
    expect((await officer.patch(`/api/cases/${c.body.id}`, { ownerUserId: ids.officer })).status).toBe(204);
    expect((await execution.patch(`/api/cases/${c.body.id}`, { ownerUserId: ids.officer })).status).toBe(204);
    const rows = await ctx.deps.db
      .select({ userId: staffNotifications.userId, actor: staffNotifications.actorUserId })
      .from(staffNotifications)
      .where(and(eq(staffNotifications.entityId, c.body.id), eq(staffNotifications.kind, 'case_assigned')));
    // Self-assignment wrote nothing; reassigning to the same owner again writes nothing either.
    expect(rows).toEqual([]);
    expect((await officer.patch(`/api/cases/${c.body.id}`, { ownerUserId: ids.execution })).status).toBe(204);
    expect((await notices(execution)).items[0]).toMatchObject({ kind: 'case_assigned', entityId: c.body.id });
    expect((await work(execution)).of('cases_mine')!.items.map((i) => i.id)).toContain(c.body.id);

    // The database itself refuses a notice to the actor.
    await expect(
      ctx.deps.db.insert(staffNotifications).values({
        orgId: ctx.orgId,
        userId: ids.officer!,
        actorUserId: ids.officer!,
        kind: 'case_assigned',
        entityType: 'case',
        entityId: c.body.id,
      }),
    ).rejects.toThrow();
  });
});

describe('committee records only once the meeting has started', () => {
  it('refuses attendance, votes and decisions before the scheduled start with 409 committee.meeting_not_started', async () => {
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceIds.home_filter!]);
    // The evening before: the meeting is tomorrow morning.
    const meetingId = await newMeeting(new Date(Date.now() + 12 * 3_600_000));
    const detail = await chair.get(`/api/committee/meetings/${meetingId}`);
    expect(detail.body).toMatchObject({ started: false, openedAt: null });
    expect(detail.body.agenda.map((a: { applicationId: string }) => a.applicationId)).toContain(app.applicationId);
    const base = `/api/committee/meetings/${meetingId}`;
    const attendance = await chair.request('PUT', `${base}/attendance`, { present: memberIds });
    expect(attendance.status).toBe(409);
    expect(attendance.body.code).toBe('committee.meeting_not_started');
    expect(attendance.body.message).toMatch(/لم يبدأ الاجتماع/);
    const vote = await chair.request('PUT', `${base}/items/${app.applicationId}/vote`, { vote: 'accept' });
    expect(vote.body.code).toBe('committee.meeting_not_started');
    const decision = await chair.post(`${base}/items/${app.applicationId}/decision`, { decision: 'accepted' });
    expect(decision.status).toBe(409);
    expect(decision.body.code).toBe('committee.meeting_not_started');
    // Nothing was written: the application is still before the committee, the meeting never opened.
    expect((await officer.get(`/api/applications/${app.applicationId}`)).body.stage).toBe('in_committee');
    const [row] = await ctx.deps.db
      .select({ openedAt: committeeMeetings.openedAt })
      .from(committeeMeetings)
      .where(eq(committeeMeetings.id, meetingId));
    expect(row!.openedAt).toBeNull();
  });

  it('records when the meeting opened and closed; minutes before closing carry a draft mark; the letter has the decision’s date', async () => {
    const { applicationId, meetingId } = await acceptedApplication();
    const open = (await chair.get(`/api/committee/meetings/${meetingId}`)).body;
    expect(open.started).toBe(true);
    expect(open.openedAt).not.toBeNull();
    const draft = await chair.get(`/api/committee/meetings/${meetingId}/minutes`);
    expect(draft.body).toContain('مسودة');
    expect((await chair.post(`/api/committee/meetings/${meetingId}/close`)).status).toBe(204);
    const closed = (await chair.get(`/api/committee/meetings/${meetingId}`)).body;
    expect(closed.closedAt).not.toBeNull();
    expect(new Date(closed.closedAt).getTime()).toBeGreaterThanOrEqual(new Date(closed.openedAt).getTime());
    const final = await chair.get(`/api/committee/meetings/${meetingId}/minutes`);
    expect(final.body).not.toContain('مسودة');
    expect(final.body).toContain('افتُتح');
    const letter = await officer.get(`/api/applications/${applicationId}/letter`);
    expect(letter.status).toBe(200);
    const result = (await ctx.deps.db.execute(
      sql`select decided_at from agenda_items where application_id = ${applicationId} and meeting_id = ${meetingId}`,
    )) as unknown as { rows: { decided_at: Date | string }[] };
    const decidedAt = result.rows[0]!;
    expect(new Date(decidedAt.decided_at).getTime()).toBeGreaterThanOrEqual(new Date(closed.openedAt).getTime());
  });
});

function nextWeekday(from: string, weekday: number): string {
  let d = from;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== weekday) d = addDays(d, 1);
  return d;
}

describe('deliveries on working days', () => {
  it('refuses a Friday or a holiday, moves computed dates to the next working day, and asks a reason for an early delivery', async () => {
    const app = await acceptedApplication();
    await completeSteps(officer, execution, app.applicationId, {
      date: nextWorkingDate(addDays(riyadhDate(new Date()), 1), DEFAULT_CALENDAR),
      from: '08:00',
      to: '12:00',
    });
    const enrolled = await officer.post(`/api/applications/${app.applicationId}/enrol`);
    const deliveryId = enrolled.body.deliveryIds[0] as string;
    const today = riyadhDate(new Date());
    const list = (await execution.get(`/api/deliveries?beneficiaryId=${app.beneficiaryId}`)).body.items;
    expect(list[0].scheduledDate).toBe(nextWorkingDate(addDays(today, 1), DEFAULT_CALENDAR));
    expect((await work(execution)).of('deliveries_unassigned')!.items.map((i) => i.id)).toContain(deliveryId);

    const friday = nextWeekday(addDays(today, 1), 5);
    const onFriday = await execution.patch(`/api/deliveries/${deliveryId}`, { scheduledDate: friday });
    expect(onFriday.status).toBe(400);
    expect(onFriday.body.code).toBe('delivery.non_working_day');
    const holiday = nextWeekday(addDays(today, 1), 1);
    expect((await admin.patch('/api/settings', { publicHolidays: [holiday] })).status).toBe(200);
    expect((await execution.patch(`/api/deliveries/${deliveryId}`, { scheduledDate: holiday })).body.code).toBe(
      'delivery.non_working_day',
    );
    const tuesday = nextWeekday(addDays(today, 1), 2);
    expect(
      (
        await execution.patch(`/api/deliveries/${deliveryId}`, {
          scheduledDate: tuesday,
          assigneeUserId: ids.execution,
        })
      ).status,
    ).toBe(204);
    // The move is audited with what it was and what it became.
    const [audit] = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'delivery.assigned'), eq(auditLog.entityId, deliveryId)));
    expect(audit!.details).toMatchObject({ after: { scheduledDate: tuesday } });
    expect((audit!.details as { before: { scheduledDate: string } }).before.scheduledDate).not.toBe(tuesday);
    expect((await work(execution)).of('deliveries_mine')!.items.map((i) => i.id)).toContain(deliveryId);

    const delivered = { outcome: 'delivered', recipientName: 'المستفيد نفسه' };
    const early = await execution.post(`/api/deliveries/${deliveryId}/outcome`, delivered);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'delivery.early_reason_required', details: { scheduledDate: tuesday } });
    const done = await execution.post(`/api/deliveries/${deliveryId}/outcome`, {
      ...delivered,
      earlyReason: 'نفد الماء قبل الموعد',
    });
    expect(done.status).toBe(200);
    const [recorded] = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'delivery.delivered'), eq(auditLog.entityId, deliveryId)));
    expect(recorded!.details).toMatchObject({
      early: true,
      earlyReason: 'نفد الماء قبل الموعد',
      scheduledDate: tuesday,
    });
    expect((await admin.patch('/api/settings', { publicHolidays: [] })).status).toBe(200);
  });
});

describe('honest first response and no survey fatigue', () => {
  it('first response is the first reply that reached the person, not "start processing"', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const c = await officer.post('/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'موعد الصهريج',
      description: 'متى؟',
      beneficiaryId: b.body.id,
    });
    await officer.post(`/api/cases/${c.body.id}/transitions`, { to: 'in_progress' });
    expect((await officer.get(`/api/cases/${c.body.id}`)).body.firstResponseAt).toBeNull();
    // A note stays inside: still no response.
    await officer.post(`/api/cases/${c.body.id}/messages`, { kind: 'note', body: 'سأتصل به بعد الظهر' });
    expect((await officer.get(`/api/cases/${c.body.id}`)).body.firstResponseAt).toBeNull();
    // A call logged with the person on the case: that is the first response, at the call's time.
    const callAt = new Date().toISOString();
    const call = await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'outbound',
      summary: 'اتصلت وأخبرته بالموعد',
      beneficiaryId: b.body.id,
      caseId: c.body.id,
      occurredAt: callAt,
    });
    expect(call.status).toBe(201);
    const after = (await officer.get(`/api/cases/${c.body.id}`)).body.firstResponseAt;
    expect(new Date(after).getTime()).toBe(new Date(callAt).getTime());
    // A later reply does not move it.
    await officer.post(`/api/cases/${c.body.id}/messages`, { kind: 'reply', body: 'نؤكد الموعد' });
    expect((await officer.get(`/api/cases/${c.body.id}`)).body.firstResponseAt).toBe(after);

    // Another case answered by a reply after "start processing": its first response is the reply's time.
    const d = await officer.post('/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'سؤال',
      description: 'سؤال آخر',
      beneficiaryId: b.body.id,
    });
    await officer.post(`/api/cases/${d.body.id}/transitions`, { to: 'in_progress' });
    const beforeReply = Date.now();
    await officer.post(`/api/cases/${d.body.id}/messages`, { kind: 'reply', body: 'الإجابة' });
    const [row] = await ctx.deps.db
      .select({ firstResponseAt: cases.firstResponseAt })
      .from(cases)
      .where(eq(cases.id, d.body.id));
    expect(row!.firstResponseAt!.getTime()).toBeGreaterThanOrEqual(beforeReply - 1000);
  });

  it('sends one survey invitation per person per period, however many cases are resolved', async () => {
    const input = beneficiaryInput(ctx.branchIds.HQ!);
    const b = await officer.post('/api/beneficiaries', input);
    const resolved: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const c = await officer.post('/api/cases', {
        kind: 'inquiry',
        channel: 'phone',
        subject: `سؤال ${i}`,
        description: 'سؤال',
        beneficiaryId: b.body.id,
      });
      const res = await officer.post(`/api/cases/${c.body.id}/transitions`, { to: 'resolved', note: 'أُجيب' });
      expect(res.status).toBe(200);
      resolved.push(c.body.id);
    }
    const sent = await ctx.deps.db
      .select({ id: surveyInvitations.id, entity: surveyInvitations.triggerEntityId })
      .from(surveyInvitations)
      .where(eq(surveyInvitations.beneficiaryId, b.body.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.entity).toBe(resolved[0]);
  });
});
