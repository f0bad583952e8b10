import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits } from '../../../common/arabic';
import { auditLog, notifications, tasks } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { sendDailyDigests } from './daily-digest';

// Issue 12, item 2 (the optional daily e-mail digest) and item 6 (My work counts stay bounded at size).

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let admin: TestClient;
let manager: TestClient;
const ids: Record<string, string> = {};
// A Sunday and the Monday after it (working days), and the Friday of that week (a day off).
const today = '2026-12-06';
const morning = new Date(`${today}T08:00:00+03:00`);
const friday = new Date('2026-12-11T08:00:00+03:00');
const PUBLIC_URL = 'https://wasl.example.org';

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, execution, admin, manager] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'admin',
    'manager',
  ] as const);
  for (const [name, client] of Object.entries({ officer, execution, admin, manager })) {
    ids[name] = (await client.get('/api/auth/session')).body.user.id;
  }
});
afterAll(async () => {
  await ctx.close();
});

const digestsTo = (email: string) =>
  ctx.deps.db
    .select({
      channel: notifications.channel,
      subject: notifications.subject,
      body: notifications.body,
      key: notifications.idempotencyKey,
    })
    .from(notifications)
    .where(and(eq(notifications.orgId, ctx.orgId), eq(notifications.recipient, email)));

/**
 * An application the officer refers to the execution officer; when `answer`, the execution officer answers it:
 * a notice to the officer only.
 */
async function referral(answer: boolean) {
  const services = (await officer.get('/api/services')).body.items as { id: string }[];
  const b = await officer.post(
    '/api/beneficiaries',
    beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true }),
  );
  const app = await officer.post('/api/applications', {
    beneficiaryId: b.body.id,
    serviceIds: [services[0]!.id],
    channel: 'meeting',
  });
  const id = app.body.id as string;
  for (const body of [{ to: 'submitted' }, { to: 'verifying' }, { to: 'referred', note: 'هل الخزان الأرضي صالح؟' }]) {
    expect((await officer.post(`/api/applications/${id}/transitions`, body)).status).toBe(200);
  }
  if (answer) {
    const answered = await execution.post(`/api/applications/${id}/transitions`, {
      to: 'verifying',
      note: 'الخزان صالح',
    });
    expect(answered.status).toBe(200);
  }
  return app.body.reference as string;
}

describe('the daily digest opt-in on the profile', () => {
  it('is off to begin with; turning it on needs a valid address; the change is audited with the address masked', async () => {
    expect((await officer.get('/api/me/digest')).body).toEqual({ enabled: false, email: null });
    const noAddress = await officer.request('PUT', '/api/me/digest', { enabled: true, email: null });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.details[0]).toMatchObject({ field: 'email', issue: 'field.digest_email_required' });
    expect(noAddress.body.details[0].message).toBe('يلزم البريد الإلكتروني لإرسال الملخص اليومي.');
    const bad = await officer.request('PUT', '/api/me/digest', { enabled: true, email: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'email', message: 'البريد الإلكتروني غير صحيح.' });
    expect((await officer.get('/api/me/digest')).body).toEqual({ enabled: false, email: null });

    const on = await officer.request('PUT', '/api/me/digest', { enabled: true, email: 'Noura@Maa.org.sa' });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ enabled: true, email: 'noura@maa.org.sa' });
    expect((await officer.get('/api/me/digest')).body).toEqual({ enabled: true, email: 'noura@maa.org.sa' });
    const [entry] = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.digest_changed'), eq(auditLog.entityId, ids.officer!)));
    expect(entry!.details).toEqual({
      before: { enabled: false, email: null },
      after: { enabled: true, email: '•••••••.sa' },
    });
    // Another user's choice is their own: the execution officer is still opted out.
    expect((await execution.get('/api/me/digest')).body.enabled).toBe(false);
  });
});

describe('the daily digest job', () => {
  it('sends one e-mail a day through the outbox with unread notices and My work counts, never the user’s own actions', async () => {
    await officer.request('PUT', '/api/me/digest', { enabled: true, email: 'noura@maa.org.sa' });
    await execution.request('PUT', '/api/me/digest', { enabled: true, email: 'fahad@maa.org.sa' });
    // The admin opted in but has nothing waiting and no notices: no e-mail.
    await admin.request('PUT', '/api/me/digest', { enabled: true, email: 'sara@maa.org.sa' });
    // The manager gave an address but did not opt in.
    await manager.request('PUT', '/api/me/digest', { enabled: false, email: 'khalid@maa.org.sa' });
    const reference = await referral(true);
    // One referral still waits on the execution officer: their My work is not empty.
    await referral(false);

    // Before seven in the Riyadh morning nothing goes out yet.
    const early = await sendDailyDigests(ctx.deps.db, ctx.orgId, {
      now: new Date(`${today}T05:30:00+03:00`),
      publicUrl: PUBLIC_URL,
    });
    expect(early).toEqual({ sent: 0, skippedEmpty: 0, alreadySent: 0 });
    // Nor on a day off.
    expect(await sendDailyDigests(ctx.deps.db, ctx.orgId, { now: friday, publicUrl: PUBLIC_URL })).toEqual({
      sent: 0,
      skippedEmpty: 0,
      alreadySent: 0,
    });

    const run = await sendDailyDigests(ctx.deps.db, ctx.orgId, { now: morning, publicUrl: PUBLIC_URL });
    expect(run).toEqual({ sent: 2, skippedEmpty: 1, alreadySent: 0 });

    const [toOfficer, ...more] = await digestsTo('noura@maa.org.sa');
    expect(more).toEqual([]);
    expect(toOfficer!.channel).toBe('email');
    expect(toOfficer!.key).toBe(`digest:${ids.officer}:${today}`);
    expect(toOfficer!.subject).toContain('ملخص عملك اليومي في وصل');
    // The execution officer's answer to the officer's referral, with the reference in the officer's digits.
    expect(toOfficer!.body).toContain('إشعارات لم تُقرأ (١)');
    expect(toOfficer!.body).toContain(`أجاب فهد الرشيدي عن الإحالة ${toArabicDigits(reference)}: «الخزان صالح»`);
    expect(toOfficer!.body).toMatch(/طلبات بانتظار التحقق: [١-٩]/);
    expect(toOfficer!.body).toContain(`${PUBLIC_URL}/`);

    // The execution officer answered the referral themself: their digest does not tell them of it.
    const [toExecution] = await digestsTo('fahad@maa.org.sa');
    expect(toExecution!.body).toContain('إشعارات لم تُقرأ (٠)');
    expect(toExecution!.body).not.toContain('أجاب');
    expect(toExecution!.body).toContain('إحالات وصلتك: ١');
    expect(await digestsTo('sara@maa.org.sa')).toEqual([]);
    expect(await digestsTo('khalid@maa.org.sa')).toEqual([]);

    // A second run the same day (another instance, a restart) sends nothing more.
    const again = await sendDailyDigests(ctx.deps.db, ctx.orgId, { now: morning, publicUrl: PUBLIC_URL });
    expect(again).toEqual({ sent: 0, skippedEmpty: 1, alreadySent: 2 });
    expect(await digestsTo('noura@maa.org.sa')).toHaveLength(1);

    // Opting out stops it.
    await officer.request('PUT', '/api/me/digest', { enabled: false, email: 'noura@maa.org.sa' });
    const tomorrow = new Date(morning.getTime() + 86_400_000);
    const next = await sendDailyDigests(ctx.deps.db, ctx.orgId, { now: tomorrow, publicUrl: PUBLIC_URL });
    expect(next.sent).toBe(1);
    expect(await digestsTo('noura@maa.org.sa')).toHaveLength(1);
  });
});

describe('My work at size', () => {
  it('counts up to 99 and says there are more, listing only the first items', async () => {
    await ctx.deps.db.insert(tasks).values(
      Array.from({ length: 130 }, (_, i) => ({
        orgId: ctx.orgId,
        assigneeUserId: ids.manager!,
        kind: 'follow_up',
        title: `متابعة ${i + 1}`,
        dedupeKey: `bulk:${i}`,
        createdAt: new Date(Date.now() - (130 - i) * 60_000),
      })),
    );
    const res = await manager.get('/api/work');
    expect(res.status).toBe(200);
    const tasksKind = res.body.kinds.find((k: { kind: string }) => k.kind === 'tasks');
    expect(tasksKind).toMatchObject({ count: 99, capped: true });
    expect(tasksKind.items).toHaveLength(5);
    // Oldest first, still.
    expect(tasksKind.items[0].title).toBe('متابعة 1');
    expect(res.body.totalCapped).toBe(true);
    expect(res.body.total).toBeGreaterThanOrEqual(99);
    const page = await manager.get('/api/work?kind=tasks&limit=50');
    expect(page.body.kinds[0].items).toHaveLength(50);
    expect(page.body.kinds[0].count).toBe(99);
    // A short list is counted exactly and not capped.
    const officerWork = await officer.get('/api/work');
    expect(officerWork.body.totalCapped).toBe(false);
    for (const k of officerWork.body.kinds) expect(k.capped).toBe(false);
  });
});
