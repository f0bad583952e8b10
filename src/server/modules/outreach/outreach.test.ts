import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { deliveries, notifications, tasks } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { runOutreach } from './run-outreach';

let ctx: TestContext;
let officer: TestClient;
let admin: TestClient;
const today = riyadhDate(new Date());
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, admin] = await signedInAs(ctx.app, ['officer', 'admin'] as const);
});
afterAll(async () => {
  await ctx.close();
});

describe('proactive outreach rules', () => {
  it('finds who is due or at risk, creates tasks and messages, and never repeats itself', async () => {
    const services = (await officer.get('/api/services')).body.items as { id: string; code: string }[];
    const tank = services.find((s) => s.code === 'tank_delivery')!.id;
    // An active beneficiary with a delivery in two days, not contacted for months, re-verification next week.
    const b = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true }),
    );
    await ctx.deps.db.execute(
      sql`update beneficiaries set status = 'active', reverify_due = ${addDays(today, 7)} where id = ${b.body.id}`,
    );
    await ctx.deps.db.insert(deliveries).values({
      orgId: ctx.orgId,
      beneficiaryId: b.body.id,
      serviceId: tank,
      branchId: ctx.branchIds.HQ!,
      scheduledDate: addDays(today, 2),
    });
    await ctx.deps.db.execute(
      sql`update interactions set occurred_at = now() - interval '200 days' where beneficiary_id = ${b.body.id}`,
    );
    // An application past the date its applicant was told.
    const stalled = await raiseToCommittee(officer, ctx.branchIds.HQ!, [tank]);
    await ctx.deps.db.execute(
      sql`update applications set expected_decision_date = ${addDays(today, -3)} where id = ${stalled.applicationId}`,
    );

    const first = await runOutreach(ctx.deps.db, ctx.orgId, today, 'manual');
    expect(first.results.delivery_due).toEqual({ tasks: 0, messages: 1 });
    expect(first.results.reverification_due).toEqual({ tasks: 0, messages: 1 });
    expect(first.results.no_contact!.tasks).toBeGreaterThanOrEqual(1);
    expect(first.results.application_stalled).toEqual({ tasks: 1, messages: 0 });
    const second = await runOutreach(ctx.deps.db, ctx.orgId, today, 'manual');
    expect(Object.values(second.results).every((r) => r.tasks === 0 && r.messages === 0)).toBe(true);

    const myTasks = (await officer.get('/api/tasks')).body.items as { kind: string; entityId: string }[];
    expect(myTasks.find((t) => t.kind === 'outreach_stalled')?.entityId).toBe(stalled.applicationId);
    expect(myTasks.find((t) => t.kind === 'outreach_no_contact' && t.entityId === b.body.id)).toBeDefined();
    const sms = await ctx.deps.db.select().from(notifications).where(eq(notifications.templateKey, 'outreach'));
    expect(sms.filter((n) => n.body.startsWith('تذكير: موعد توصيل صهريج مياه'))).toHaveLength(1);
    // A new contact resets "no contact": the next silence period would bring a new task, not this one again.
    const taskCount = (await ctx.deps.db.select().from(tasks)).length;
    await runOutreach(ctx.deps.db, ctx.orgId, today, 'manual');
    expect((await ctx.deps.db.select().from(tasks)).length).toBe(taskCount);
  });

  it('the admin sees rules and runs, switches a rule off, and runs them now', async () => {
    const before = await admin.get('/api/outreach/rules');
    expect(before.body.rules.map((r: { key: string }) => r.key)).toContain('delivery_due');
    expect(before.body.runs.length).toBeGreaterThanOrEqual(1);
    expect(
      (await admin.request('PUT', '/api/outreach/rules/no_contact', { enabled: false, params: { days: 5 } })).status,
    ).toBe(400);
    expect(
      (await admin.request('PUT', '/api/outreach/rules/no_contact', { enabled: false, params: { days: 60 } })).status,
    ).toBe(204);
    const run = await admin.post('/api/outreach/run');
    expect(run.status).toBe(200);
    expect(run.body.results).not.toHaveProperty('no_contact');
    expect((await officer.post('/api/outreach/run')).status).toBe(403);
  });
});
