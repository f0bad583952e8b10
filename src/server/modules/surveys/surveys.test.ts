import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, surveyInvitations, surveyResponses, tasks } from '../../db/tables/index';
import { createTestContext, signedInAs, TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let admin: TestClient;
const visitor = () => new TestClient(ctx.app);
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, admin] = await signedInAs(ctx.app, ['officer', 'admin'] as const);
});
afterAll(async () => {
  await ctx.close();
});

/** Resolves a new case for a caller and returns the survey token from the SMS that went out. */
async function resolvedCaseToken(mobile: string) {
  const c = await officer.post('/api/cases', {
    kind: 'inquiry',
    channel: 'phone',
    subject: 'سؤال عن الخدمة',
    description: 'متى يبدأ التوصيل؟',
    contactName: 'أبو ناصر',
    contactMobile: mobile,
  });
  await officer.post(`/api/cases/${c.body.id}/transitions`, { to: 'resolved', note: 'أُجيب هاتفياً' });
  const [sms] = await ctx.deps.db
    .select()
    .from(notifications)
    .where(eq(notifications.templateKey, 'survey_link'))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  expect(sms!.recipient).toBe(`+966${mobile.slice(1)}`);
  return { caseId: c.body.id as string, token: /\/portal\/survey\/([\w-]+)/.exec(sms!.body)![1]! };
}

describe('satisfaction surveys', () => {
  it('a resolved case sends a single-use link; the answer is recorded once', async () => {
    const { token } = await resolvedCaseToken('0509990001');
    const survey = await visitor().get(`/api/portal/surveys/${token}`);
    expect(survey.status).toBe(200);
    expect(survey.body.questions.map((q: { kind: string }) => q.kind)).toEqual(['rating', 'yes_no', 'text']);
    expect(
      (await visitor().post(`/api/portal/surveys/${token}`, { answers: { need_met: true }, anonymous: false })).body
        .code,
    ).toBe('survey.answer_required');
    expect(
      (await visitor().post(`/api/portal/surveys/${token}`, { answers: { overall: 9 }, anonymous: false })).body.code,
    ).toBe('survey.bad_answer');
    expect(
      (
        await visitor().post(`/api/portal/surveys/${token}`, {
          answers: { overall: 4, need_met: true, comment: 'خدمة ممتازة' },
          anonymous: false,
        })
      ).status,
    ).toBe(204);
    const again = await visitor().post(`/api/portal/surveys/${token}`, { answers: { overall: 1 }, anonymous: false });
    expect(again.status).toBe(410);
    expect((await visitor().get(`/api/portal/surveys/${token}`)).status).toBe(410);
  });

  it('an expired link cannot be answered', async () => {
    const { token } = await resolvedCaseToken('0509990002');
    await ctx.deps.db.execute(
      sql`update survey_invitations set expires_at = now() - interval '1 second' where answered_on is null`,
    );
    expect(
      (await visitor().post(`/api/portal/surveys/${token}`, { answers: { overall: 5 }, anonymous: false })).status,
    ).toBe(410);
  });

  it('an anonymous answer keeps no link to the person, the invitation, the staff member or the time', async () => {
    const { token } = await resolvedCaseToken('0509990003');
    expect(
      (
        await visitor().post(`/api/portal/surveys/${token}`, {
          answers: { overall: 1, comment: 'تأخر الرد' },
          anonymous: true,
        })
      ).status,
    ).toBe(204);
    const [row] = await ctx.deps.db.select().from(surveyResponses).where(eq(surveyResponses.anonymous, true));
    expect(row).toMatchObject({ invitationId: null, rating: 1, channel: 'phone' });
    expect(new Set(Object.keys(row!))).toEqual(
      new Set([
        'answers',
        'anonymous',
        'branchId',
        'channel',
        'id',
        'invitationId',
        'month',
        'orgId',
        'rating',
        'serviceId',
        'trigger',
      ]),
    );
    expect(row!.month).toMatch(/^\d{4}-\d{2}$/);
    // No foreign key from answers to invitations exists at all, and the invitation keeps only the day.
    const fks = await ctx.deps.db.execute(
      sql`select count(*)::int as n from information_schema.table_constraints where table_name = 'survey_responses' and constraint_type = 'FOREIGN KEY' and constraint_name like '%invitation%'`,
    );
    expect((fks as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const cols = await ctx.deps.db.execute(
      sql`select data_type from information_schema.columns where table_name = 'survey_invitations' and column_name = 'answered_on'`,
    );
    expect((cols as unknown as { rows: { data_type: string }[] }).rows[0]!.data_type).toBe('date');
    // A low but anonymous rating cannot be followed up: no task names anyone.
    expect((await ctx.deps.db.select().from(tasks).where(eq(tasks.kind, 'low_satisfaction'))).length).toBe(0);
  });

  it('a named low rating creates a follow-up call task (the outreach rule)', async () => {
    const { token } = await resolvedCaseToken('0509990004');
    await visitor().post(`/api/portal/surveys/${token}`, { answers: { overall: 2 }, anonymous: false });
    const mine = await officer.get('/api/tasks');
    expect(mine.body.items.filter((t: { kind: string }) => t.kind === 'low_satisfaction')).toHaveLength(1);
  });

  it('the admin edits the questions; exactly one rating question', async () => {
    const bad = await admin.request('PUT', '/api/surveys/questions', {
      items: [{ key: 'a', kind: 'text', labelAr: 'سؤال نصي', required: false }],
    });
    expect(bad.status).toBe(400);
    const ok = await admin.request('PUT', '/api/surveys/questions', {
      items: [
        { key: 'overall', kind: 'rating', labelAr: 'كيف تقيم الخدمة؟', required: true },
        { key: 'speed', kind: 'yes_no', labelAr: 'هل كانت الخدمة سريعة؟', required: true },
      ],
    });
    expect(ok.status).toBe(204);
    const { token } = await resolvedCaseToken('0509990005');
    expect(
      (await visitor().get(`/api/portal/surveys/${token}`)).body.questions.map((q: { key: string }) => q.key),
    ).toEqual(['overall', 'speed']);
    const invitations = await ctx.deps.db.select().from(surveyInvitations);
    expect(invitations.every((i) => i.trigger === 'case_resolved')).toBe(true);
  });
});
