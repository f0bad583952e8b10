import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riyadhDate } from '../../../common/dates';
import { FIELD_PHOTO_MAX_BYTES } from '../../../common/domain/field';
import {
  appointmentSlots,
  appointments,
  auditLog,
  beneficiaries,
  deliveries,
  documents,
  fieldPhotos,
  fieldReports,
  idempotencyKeys,
  interactions,
  services,
} from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let rep: TestClient;
let admin: TestClient;
let chair: TestClient;
const userIds: Record<string, string> = {};
let khb: string;
let hq: string;
let serviceId: string;

/** A tiny JPEG by its signature (the server checks content, not a name or a claimed type). */
function jpeg(size = 2048): string {
  const bytes = Buffer.alloc(size, 7);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes.toString('base64');
}

async function activeFile(branchId: string) {
  const created = await officer.post('/api/beneficiaries', beneficiaryInput(branchId, { confirmNotDuplicate: true }));
  expect(created.status).toBe(201);
  await ctx.deps.db.update(beneficiaries).set({ status: 'active' }).where(eq(beneficiaries.id, created.body.id));
  return created.body.id as string;
}

/** A delivery planned for today (set up directly: the calendar rules are the deliveries module's own tests). */
async function deliveryFor(beneficiaryId: string, branchId: string) {
  const [row] = await ctx.deps.db
    .insert(deliveries)
    .values({
      orgId: ctx.orgId,
      beneficiaryId,
      serviceId,
      branchId,
      scheduledDate: riyadhDate(new Date()),
      status: 'scheduled',
      sequence: 1,
      applicationId: null,
      assigneeUserId: null,
    })
    .returning({ id: deliveries.id });
  return row!.id;
}

function version(branchId: string, beneficiaryStatus = 'active') {
  return { status: 'scheduled', scheduledDate: riyadhDate(new Date()), branchId, beneficiaryStatus };
}

function deliveredBody(branchId: string, photo = jpeg()) {
  return {
    result: { outcome: 'delivered', recipientName: 'سعد القحطاني', location: { lat: 26.2, lng: 43.5 } },
    recordedAt: new Date().toISOString(),
    photo: { purpose: 'delivery_proof', data: photo },
    expected: version(branchId),
  };
}

function inspectionBody(beneficiaryId: string, branchId: string) {
  return {
    beneficiaryId,
    housingCondition: 'poor',
    peopleAtHome: 5,
    findings: 'سقف المطبخ يسرب الماء والأسرة تحتاج إلى مكيف',
    recommendation: 'urgent',
    recordedAt: new Date().toISOString(),
    photos: [{ purpose: 'home', data: jpeg() }],
    expected: { branchId, beneficiaryStatus: 'active' },
  };
}

function draftBody() {
  return {
    firstName: 'حصة',
    familyName: 'العنزي',
    mobile: '0551234567',
    district: 'قرية الشقة',
    peopleAtHome: 6,
    consent: true,
    recordedAt: new Date().toISOString(),
    photos: [{ purpose: 'national_id', data: jpeg() }],
  };
}

const key = () => `k-${randomUUID()}`;

async function counts() {
  const db = ctx.deps.db;
  const one = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    delivered: (await db.select({ n: count() }).from(deliveries).where(eq(deliveries.status, 'delivered')))[0]!.n,
    documents: await one(documents),
    reports: await one(fieldReports),
    photos: await one(fieldPhotos),
    interactions: await one(interactions),
    audit: await one(auditLog),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  let member2: TestClient;
  [officer, rep, admin, chair, member2] = await signedInAs(ctx.app, [
    'officer',
    'branchrep',
    'admin',
    'committee',
    'committee2',
  ] as const);
  for (const [name, client] of Object.entries({ officer, rep, chair, member2 })) {
    userIds[name] = (await client.get('/api/auth/session')).body.user.id;
  }
  khb = ctx.branchIds.KHB!;
  hq = ctx.branchIds.HQ!;
  const [service] = await ctx.deps.db
    .select({ id: services.id })
    .from(services)
    .where(sql`${services.recurringDays} is null`)
    .limit(1);
  serviceId = service!.id;
});
afterAll(async () => ctx?.close());

describe('the day’s work on the phone', () => {
  it('lists today’s open deliveries of the representative’s own branch only, each with its version', async () => {
    const ours = await deliveryFor(await activeFile(khb), khb);
    const theirs = await deliveryFor(await activeFile(hq), hq);
    const day = await rep.get('/api/field/day');
    expect(day.status).toBe(200);
    const ids = day.body.deliveries.map((d: { id: string }) => d.id);
    expect(ids).toContain(ours);
    expect(ids).not.toContain(theirs);
    const row = day.body.deliveries.find((d: { id: string }) => d.id === ours);
    expect(row.version).toEqual(version(khb));
    expect(row.householdMembers).toBe(2);
    expect(row.mobile).toMatch(/^\+9665/);
    expect((await officer.get('/api/field/day')).status).toBe(403);
  });
});

/** A visit booked for a file of the branch, an hour from now (inside the downloaded period). */
async function bookedVisit(beneficiaryId: string, branchId: string) {
  const startsAt = new Date(Date.now() + 3_600_000 + Math.floor(Math.random() * 600) * 60_000).toISOString();
  expect((await officer.post('/api/appointment-slots', { branchId, slots: [{ startsAt, minutes: 30 }] })).status).toBe(
    201,
  );
  const [slot] = await ctx.deps.db
    .select({ id: appointmentSlots.id, startsAt: appointmentSlots.startsAt })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.startsAt, new Date(startsAt)));
  const booked = await officer.post('/api/appointments', {
    slotId: slot!.id,
    beneficiaryId,
    purpose: 'مقابلة لدراسة الحالة',
  });
  expect(booked.status).toBe(201);
  return { id: booked.body.id as string, startsAt: slot!.startsAt.toISOString() };
}

/** An application of the branch accepted by the committee, its home inspection assigned to the representative. */
async function inspectionTask(branchId: string) {
  const app = await raiseToCommittee(officer, branchId, [serviceId]);
  const meeting = await officer.post('/api/committee/meetings', {
    scheduledAt: new Date().toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: userIds.chair,
    memberIds: [userIds.chair, userIds.member2],
  });
  // The committee's quorum is two (as the demo's).
  await chair.request('PUT', `/api/committee/meetings/${meeting.body.id}/attendance`, {
    present: [userIds.chair, userIds.member2],
  });
  const decided = await chair.post(`/api/committee/meetings/${meeting.body.id}/items/${app.applicationId}/decision`, {
    decision: 'accepted',
  });
  expect(decided.status).toBe(200);
  const assigned = await officer.request('PUT', `/api/applications/${app.applicationId}/inspection/assignee`, {
    assigneeUserId: userIds.rep,
  });
  expect(assigned.status).toBe(204);
  return app;
}

function visitBody(startsAt: string, branchId: string, outcome: 'held' | 'no_show' = 'held') {
  return {
    result: outcome === 'held' ? { outcome, summary: 'حضرت الأسرة وسلمت صورة الصك' } : { outcome },
    recordedAt: new Date().toISOString(),
    expected: { status: 'booked', startsAt, branchId, beneficiaryStatus: 'active' },
  };
}

function taskBody(branchId: string, beneficiaryStatus = 'applicant', photo = true) {
  return {
    result: { outcome: 'suitable', note: 'المنزل بحاجة إلى خزان أكبر', location: { lat: 26.3, lng: 43.6 } },
    recordedAt: new Date().toISOString(),
    ...(photo ? { photo: { purpose: 'home', data: jpeg() } } : {}),
    expected: { taskStatus: 'open', branchId, beneficiaryStatus },
  };
}

describe('visits and inspection tasks on the route', () => {
  it('downloads the branch’s booked visits and the inspections assigned to the representative', async () => {
    const ours = await activeFile(khb);
    const visit = await bookedVisit(ours, khb);
    const theirs = await bookedVisit(await activeFile(hq), hq);
    const task = await inspectionTask(khb);
    const hqTask = await raiseToCommittee(officer, hq, [serviceId]);
    const day = (await rep.get('/api/field/day')).body;
    const visits = day.appointments.map((a: { id: string }) => a.id);
    expect(visits).toContain(visit.id);
    expect(visits).not.toContain(theirs.id);
    expect(day.appointments.find((a: { id: string }) => a.id === visit.id)).toMatchObject({
      purpose: 'مقابلة لدراسة الحالة',
      beneficiaryId: ours,
      version: { status: 'booked', startsAt: visit.startsAt, branchId: khb, beneficiaryStatus: 'active' },
    });
    const tasks = day.inspections.map((i: { applicationId: string }) => i.applicationId);
    expect(tasks).toContain(task.applicationId);
    expect(tasks).not.toContain(hqTask.applicationId);
    expect(
      day.inspections.find((i: { applicationId: string }) => i.applicationId === task.applicationId),
    ).toMatchObject({
      reference: task.reference,
      beneficiaryName: task.name,
      version: { taskStatus: 'open', branchId: khb },
    });
  });

  it('records a visit’s outcome once through the appointments rules; a replay writes nothing', async () => {
    const b = await activeFile(khb);
    const visit = await bookedVisit(b, khb);
    const k = key();
    const body = visitBody(visit.startsAt, khb);
    const before = await counts();
    const first = await rep.post(`/api/field/appointments/${visit.id}/outcome`, body, { 'idempotency-key': k });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: 'held' });
    const after = await counts();
    expect(after.interactions - before.interactions).toBe(1);
    const [row] = await ctx.deps.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(row).toMatchObject({ status: 'held', interactionId: expect.any(String) });
    const again = await rep.post(`/api/field/appointments/${visit.id}/outcome`, body, { 'idempotency-key': k });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(after);
    // Without a summary a held visit is refused with the appointments module's own message.
    const other = await bookedVisit(b, khb);
    const bare = visitBody(other.startsAt, khb);
    const noSummary = await rep.post(
      `/api/field/appointments/${other.id}/outcome`,
      { ...bare, result: { outcome: 'held' } },
      { 'idempotency-key': key() },
    );
    expect(noSummary.status).toBe(400);
    expect(noSummary.body.code).toBe('appointment.summary_required');
  });

  it('holds a visit cancelled or moved meanwhile for review; another branch’s visit is refused', async () => {
    const b = await activeFile(khb);
    const cancelled = await bookedVisit(b, khb);
    const moved = await bookedVisit(b, khb);
    const hqVisit = await bookedVisit(await activeFile(hq), hq);
    await ctx.deps.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, cancelled.id));
    const before = await counts();
    const res = await rep.post(`/api/field/appointments/${cancelled.id}/outcome`, visitBody(cancelled.startsAt, khb), {
      'idempotency-key': key(),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('field.conflict');
    expect(res.body.details).toMatchObject({
      phone: { status: 'booked' },
      server: { status: 'cancelled', sameBranch: true },
      changed: ['status'],
    });
    const [a] = await ctx.deps.db.select().from(appointments).where(eq(appointments.id, moved.id));
    const later = new Date(Date.now() + 48 * 3_600_000);
    await ctx.deps.db.update(appointmentSlots).set({ startsAt: later }).where(eq(appointmentSlots.id, a!.slotId));
    const res2 = await rep.post(`/api/field/appointments/${moved.id}/outcome`, visitBody(moved.startsAt, khb), {
      'idempotency-key': key(),
    });
    expect(res2.status).toBe(409);
    expect(res2.body.details.changed).toEqual(['startsAt']);
    expect(res2.body.details.server.startsAt).toBe(later.toISOString());
    const res3 = await rep.post(`/api/field/appointments/${hqVisit.id}/outcome`, visitBody(hqVisit.startsAt, hq), {
      'idempotency-key': key(),
    });
    expect(res3.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('completes the assigned inspection task through the inspections module, once, with its photo', async () => {
    const task = await inspectionTask(khb);
    const path = `/api/field/inspection-tasks/${task.applicationId}/result`;
    const k = key();
    const body = taskBody(khb);
    const before = await counts();
    const first = await rep.post(path, body, { 'idempotency-key': k });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ outcome: 'suitable', photoDocumentId: expect.any(String) });
    const seen = (await officer.get(`/api/applications/${task.applicationId}/inspection`)).body.inspection;
    expect(seen).toMatchObject({
      outcome: 'suitable',
      note: 'المنزل بحاجة إلى خزان أكبر',
      location: { lat: 26.3, lng: 43.6 },
      photoDocumentId: first.body.photoDocumentId,
      recordedByName: expect.any(String),
    });
    const steps = (await officer.get(`/api/applications/${task.applicationId}/completion`)).body.items;
    expect(steps.find((s: { stepKey: string }) => s.stepKey === 'site_visit')).toMatchObject({ done: true });
    const after = await counts();
    expect(after.documents - before.documents).toBe(1);
    // The phone's replay after a lost answer: the same answer, nothing written.
    const again = await rep.post(path, body, { 'idempotency-key': k });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(after);
    // The same result sent under a new key (a second phone) is a conflict: already recorded.
    const twice = await rep.post(path, taskBody(khb), { 'idempotency-key': key() });
    expect(twice.status).toBe(409);
    expect(twice.body.details.server).toMatchObject({ taskStatus: 'recorded', sameBranch: true });
    expect(
      (await rep.get('/api/field/day')).body.inspections.map((i: { applicationId: string }) => i.applicationId),
    ).not.toContain(task.applicationId);
  });

  it('holds an inspection task handed to someone else meanwhile, and refuses another branch’s', async () => {
    const task = await inspectionTask(khb);
    const users = (await admin.get('/api/users')).body.items as { id: string; username: string }[];
    const execution = users.find((u) => u.username === 'execution')!.id;
    expect(
      (
        await officer.request('PUT', `/api/applications/${task.applicationId}/inspection/assignee`, {
          assigneeUserId: execution,
        })
      ).status,
    ).toBe(204);
    const hqApp = await raiseToCommittee(officer, hq, [serviceId]);
    const before = await counts();
    const res = await rep.post(`/api/field/inspection-tasks/${task.applicationId}/result`, taskBody(khb), {
      'idempotency-key': key(),
    });
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ server: { taskStatus: 'reassigned' }, changed: ['taskStatus'] });
    const res2 = await rep.post(`/api/field/inspection-tasks/${hqApp.applicationId}/result`, taskBody(hq), {
      'idempotency-key': key(),
    });
    expect(res2.status).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await officer.get(`/api/applications/${task.applicationId}/inspection`)).body.inspection.recordedAt).toBe(
      null,
    );
  });
});

describe('a queue sent twice', () => {
  it('writes each record once: the replay gets the first answers and writes nothing new', async () => {
    const b = await activeFile(khb);
    const d = await deliveryFor(b, khb);
    const queue = [
      { url: `/api/field/deliveries/${d}/outcome`, body: deliveredBody(khb), key: key() },
      { url: '/api/field/inspections', body: inspectionBody(b, khb), key: key() },
      { url: '/api/field/registration-drafts', body: draftBody(), key: key() },
      {
        url: '/api/interactions',
        body: { channel: 'branch_rep', direction: 'outbound', summary: 'زيارة منزلية وتأكيد الموعد', beneficiaryId: b },
        key: key(),
      },
    ];
    const before = await counts();
    const first = [];
    for (const item of queue) first.push(await rep.post(item.url, item.body, { 'idempotency-key': item.key }));
    expect(first.map((r) => r.status)).toEqual([200, 201, 201, 201]);
    const afterFirst = await counts();
    expect(afterFirst.delivered - before.delivered).toBe(1);
    expect(afterFirst.documents - before.documents).toBe(1);
    expect(afterFirst.reports - before.reports).toBe(2);
    expect(afterFirst.photos - before.photos).toBe(2);
    expect(afterFirst.interactions - before.interactions).toBe(1);
    const inspections = await officer.get(`/api/field/inspections?beneficiaryId=${b}`);
    expect(inspections.body.items.map((i: { data: { recommendation: string } }) => i.data.recommendation)).toEqual([
      'urgent',
    ]);

    for (const [i, item] of queue.entries()) {
      const again = await rep.post(item.url, item.body, { 'idempotency-key': item.key });
      expect(again.status).toBe(first[i]!.status);
      expect(again.body).toEqual(first[i]!.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    }
    expect(await counts()).toEqual(afterFirst);
  });

  it('refuses a key reused with a different body (422) and writes nothing', async () => {
    const k = key();
    const body = {
      channel: 'branch_rep',
      direction: 'outbound',
      summary: 'اتصال لتأكيد العنوان',
      contactName: 'فهد',
    };
    expect((await rep.post('/api/interactions', body, { 'idempotency-key': k })).status).toBe(201);
    const before = await counts();
    const reused = await rep.post('/api/interactions', { ...body, summary: 'نص آخر' }, { 'idempotency-key': k });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
    expect(reused.body.message).toMatch(/مفتاح منع التكرار/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed key, and releases the key of a request that failed so a corrected retry runs', async () => {
    expect(
      (await rep.post('/api/field/registration-drafts', draftBody(), { 'idempotency-key': 'short' })).body.code,
    ).toBe('idempotency.bad_key');
    const k = key();
    const bad = await rep.post(
      '/api/field/registration-drafts',
      { ...draftBody(), consent: false },
      { 'idempotency-key': k },
    );
    expect(bad.status).toBe(400);
    const rows = await ctx.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k));
    expect(rows).toHaveLength(0);
  });
});

describe('records that changed or are not the representative’s', () => {
  it('refuses a queued record of another branch (403) and writes nothing', async () => {
    const b = await activeFile(hq);
    const d = await deliveryFor(b, hq);
    const before = await counts();
    const delivery = await rep.post(`/api/field/deliveries/${d}/outcome`, deliveredBody(hq), {
      'idempotency-key': key(),
    });
    expect(delivery.status).toBe(403);
    const inspection = await rep.post('/api/field/inspections', inspectionBody(b, hq), { 'idempotency-key': key() });
    expect(inspection.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('holds a delivery cancelled or rescheduled meanwhile as a conflict with both versions', async () => {
    const b = await activeFile(khb);
    const cancelled = await deliveryFor(b, khb);
    await ctx.deps.db.update(deliveries).set({ status: 'cancelled' }).where(eq(deliveries.id, cancelled));
    const before = await counts();
    const res = await rep.post(`/api/field/deliveries/${cancelled}/outcome`, deliveredBody(khb), {
      'idempotency-key': key(),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('field.conflict');
    expect(res.body.details.phone.status).toBe('scheduled');
    expect(res.body.details.server).toMatchObject({ status: 'cancelled', sameBranch: true });

    const moved = await deliveryFor(b, khb);
    await ctx.deps.db.update(deliveries).set({ scheduledDate: '2099-01-05' }).where(eq(deliveries.id, moved));
    const res2 = await rep.post(`/api/field/deliveries/${moved}/outcome`, deliveredBody(khb), {
      'idempotency-key': key(),
    });
    expect(res2.status).toBe(409);
    expect(res2.body.details.changed).toEqual(['scheduledDate']);
    expect(res2.body.details.server.scheduledDate).toBe('2099-01-05');
    expect(await counts()).toEqual(before);
  });

  it('holds an inspection of a file suspended or moved to another branch, telling only that it moved', async () => {
    const suspended = await activeFile(khb);
    await ctx.deps.db.update(beneficiaries).set({ status: 'suspended' }).where(eq(beneficiaries.id, suspended));
    const res = await rep.post('/api/field/inspections', inspectionBody(suspended, khb), { 'idempotency-key': key() });
    expect(res.status).toBe(409);
    expect(res.body.details.server).toMatchObject({ beneficiaryStatus: 'suspended', sameBranch: true });

    const moved = await activeFile(khb);
    await ctx.deps.db.update(beneficiaries).set({ branchId: hq }).where(eq(beneficiaries.id, moved));
    const res2 = await rep.post('/api/field/inspections', inspectionBody(moved, khb), { 'idempotency-key': key() });
    expect(res2.status).toBe(409);
    expect(res2.body.details.server).toEqual({ sameBranch: false });
  });
});

describe('photos', () => {
  it('refuses a photo over 300 KB or one that is not an image, with a clear message, writing nothing', async () => {
    const before = await counts();
    const big = { ...draftBody(), photos: [{ purpose: 'national_id', data: jpeg(FIELD_PHOTO_MAX_BYTES + 1) }] };
    const tooLarge = await rep.post('/api/field/registration-drafts', big, { 'idempotency-key': key() });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('field.photo_too_large');
    expect(tooLarge.body.message).toMatch(/300/);
    const pdf = Buffer.from('%PDF-1.7 not a photo').toString('base64');
    const notImage = { ...draftBody(), photos: [{ purpose: 'national_id', data: pdf }] };
    const refused = await rep.post('/api/field/registration-drafts', notImage, {
      'idempotency-key': key(),
      'accept-language': 'en',
    });
    expect(refused.status).toBe(415);
    expect(refused.body.message).toBe('The attached file is not a photo. Attach a JPEG or PNG photo.');
    expect(await counts()).toEqual(before);
  });
});

describe('registration drafts at the office', () => {
  it('are listed for the officer, who completes them once', async () => {
    const saved = await rep.post('/api/field/registration-drafts', draftBody(), { 'idempotency-key': key() });
    expect(saved.status).toBe(201);
    const list = await officer.get('/api/field/registration-drafts');
    const draft = list.body.items.find((d: { id: string }) => d.id === saved.body.id);
    expect(draft.data).toMatchObject({ firstName: 'حصة', consent: true });
    expect(draft.photoIds).toHaveLength(1);
    expect(draft.photos).toEqual([{ id: draft.photoIds[0], purpose: 'national_id' }]);
    expect((await officer.post(`/api/field/registration-drafts/${saved.body.id}/complete`)).status).toBe(204);
    expect((await officer.post(`/api/field/registration-drafts/${saved.body.id}/complete`)).status).toBe(409);
  });

  it('opens with its photos for the officer, and completes into the file registered from it', async () => {
    const saved = await rep.post('/api/field/registration-drafts', draftBody(), { 'idempotency-key': key() });
    const path = `/api/field/registration-drafts/${saved.body.id}`;
    expect((await rep.get(path)).status).toBe(403);
    const opened = await officer.get(path);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      status: 'open',
      data: { firstName: 'حصة', familyName: 'العنزي', district: 'قرية الشقة', consent: true },
      createdByName: expect.any(String),
      beneficiaryId: null,
    });
    expect(opened.body.data.consentAt).toBe(opened.body.recordedAt);
    const photo = await officer.get(`/api/field/photos/${opened.body.photos[0].id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await rep.get(`/api/field/photos/${opened.body.photos[0].id}`)).status).toBe(403);
    expect((await officer.get(`/api/field/photos/${randomUUID()}`)).body.code).toBe('field.photo_not_found');

    // Waiting in the officer's My work until it is done.
    const drafts = async () =>
      ((await officer.get('/api/work?kind=field_drafts&limit=50')).body.kinds[0].items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await drafts()).toContain(saved.body.id);
    const file = await activeFile(khb);
    expect((await officer.post(`${path}/complete`, { beneficiaryId: randomUUID() })).status).toBe(404);
    expect((await officer.get(path)).body.status).toBe('open');
    expect((await officer.post(`${path}/complete`, { beneficiaryId: file })).status).toBe(204);
    expect((await officer.get(path)).body).toMatchObject({ status: 'completed', beneficiaryId: file });
    expect(await drafts()).not.toContain(saved.body.id);
    const done = await officer.get('/api/field/registration-drafts?status=completed');
    expect(done.body.items.map((d: { id: string }) => d.id)).toContain(saved.body.id);
    const [audit] = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        sql`${auditLog.action} = 'field.registration_draft_completed' and ${auditLog.entityId} = ${saved.body.id}`,
      );
    expect(audit?.details).toEqual({ before: { status: 'open' }, after: { status: 'completed', beneficiaryId: file } });
  });

  it('is rejected with a reason (required, translated), once, and leaves the open list', async () => {
    const saved = await rep.post('/api/field/registration-drafts', draftBody(), { 'idempotency-key': key() });
    const path = `/api/field/registration-drafts/${saved.body.id}`;
    const empty = await officer.post(`${path}/reject`, { reason: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.details[0]).toMatchObject({ field: 'reason', message: 'اذكر السبب.' });
    expect((await rep.post(`${path}/reject`, { reason: 'مسجلة من قبل' })).status).toBe(403);
    expect((await officer.post(`${path}/reject`, { reason: 'الأسرة مسجلة من قبل في ملف آخر' })).status).toBe(204);
    expect((await officer.get(path)).body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'الأسرة مسجلة من قبل في ملف آخر',
    });
    const again = await officer.post(`${path}/reject`, { reason: 'مرة أخرى' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('field.draft_rejected');
    expect((await officer.post(`${path}/complete`)).body.code).toBe('field.draft_rejected');
    const open = await officer.get('/api/field/registration-drafts');
    expect(open.body.items.map((d: { id: string }) => d.id)).not.toContain(saved.body.id);
    const rejected = await officer.get('/api/field/registration-drafts?status=rejected');
    expect(rejected.body.items.map((d: { id: string }) => d.id)).toContain(saved.body.id);
  });

  it('lists field inspections for the office with the household and photos', async () => {
    const b = await activeFile(khb);
    const saved = await rep.post('/api/field/inspections', inspectionBody(b, khb), { 'idempotency-key': key() });
    expect(saved.status).toBe(201);
    const list = await officer.get('/api/field/inspections');
    const row = list.body.items.find((i: { id: string }) => i.id === saved.body.id);
    expect(row).toMatchObject({
      beneficiaryId: b,
      beneficiaryName: expect.any(String),
      fileNumber: expect.any(String),
      createdByName: expect.any(String),
      data: { recommendation: 'urgent', housingCondition: 'poor' },
      photos: [{ id: expect.any(String), purpose: 'home' }],
    });
    expect((await officer.get(`/api/field/photos/${row.photos[0].id}`)).status).toBe(200);
  });
});

describe('sessions revoked by an admin', () => {
  it('refuses the phone’s queued records with the reason, and audits the revocation', async () => {
    const phone = new TestClient(ctx.app);
    await phone.login('branchrep');
    const users = (await admin.get('/api/users')).body.items as { id: string; username: string }[];
    const repId = users.find((u) => u.username === 'branchrep')!.id;
    expect(
      (await admin.post(`/api/users/${users.find((u) => u.username === 'admin')!.id}/sessions/revoke`)).status,
    ).toBe(409);
    const revoked = await admin.post(`/api/users/${repId}/sessions/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(2);
    const before = await counts();
    const refused = await phone.post('/api/field/registration-drafts', draftBody(), { 'idempotency-key': key() });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('auth.session_revoked');
    expect((await phone.get('/api/field/day')).body.code).toBe('auth.session_revoked');
    expect(await counts()).toEqual(before);
    const [audit] = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'user.sessions_revoked'));
    expect(audit?.details).toMatchObject({ sessions: revoked.body.revoked });
    // Signing in again starts a new, valid session.
    const again = new TestClient(ctx.app);
    await again.login('branchrep');
    expect((await again.get('/api/field/day')).status).toBe(200);
  });
});
