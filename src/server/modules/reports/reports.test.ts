import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { getDashboard } from './dashboard';

let ctx: TestContext;
let manager: TestClient;
let officer: TestClient;
let admin: TestClient;
const ids: Record<string, string> = {};
const q = (s: ReturnType<typeof sql>) => ctx.deps.db.execute(s);

/**
 * A hand-made month (October 2026) with known answers for every indicator; a few rows fall outside it on
 * purpose. The expected numbers in the tests below were worked out by hand from these rows.
 */
beforeAll(async () => {
  ctx = await createTestContext();
  [manager, officer, admin] = await signedInAs(ctx.app, ['manager', 'officer', 'admin'] as const);
  const hq = ctx.branchIds.HQ!;
  for (const [key, district, source] of [
    ['A', 'حي الروضة', 'tank'],
    ['B', 'حي الروضة', 'well'],
    ['C', 'قرية الشقة', 'tank'],
  ] as const) {
    const res = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(hq, {
        district,
        water: { source, storageLitres: 500, peopleAtHome: 4 },
        confirmNotDuplicate: true,
      }),
    );
    ids[key] = res.body.id;
  }
  await q(sql`update beneficiaries set status = 'active' where id in (${ids.A}, ${ids.B})`);
  const [svc] = (await officer.get('/api/services')).body.items;
  ids.service = svc.id;
  const chair = (await signedInAs(ctx.app, ['committee'] as const))[0];
  ids.chair = (await chair.get('/api/auth/session')).body.user.id;
  const app = (
    key: string,
    beneficiary: string,
    stage: string,
    created: string,
    raised: string | null,
    expected: string | null,
    changed: string,
  ) =>
    q(sql`insert into applications (id, org_id, beneficiary_id, branch_id, reference, channel, stage, created_at, stage_changed_at, raised_at, expected_decision_date)
          values (gen_random_uuid(), ${ctx.orgId}, ${beneficiary}, ${hq}, ${`REF-${key}`}, 'meeting', ${stage}, ${created}::timestamptz, ${changed}::timestamptz, ${raised}::timestamptz, ${expected}::date)`);
  await app(
    '1',
    ids.A!,
    'completing',
    '2026-09-25T09:00:00Z',
    '2026-10-02T09:00:00Z',
    '2026-10-16',
    '2026-10-10T09:00:00Z',
  );
  await app(
    '2',
    ids.B!,
    'rejected',
    '2026-10-01T09:00:00Z',
    '2026-10-01T09:00:00Z',
    '2026-10-15',
    '2026-10-20T09:00:00Z',
  );
  await app('3', ids.C!, 'verifying', '2026-10-12T09:00:00Z', null, null, '2000-01-01T00:00:00Z');
  await app(
    '4',
    ids.C!,
    'deferred',
    '2026-09-20T09:00:00Z',
    '2026-09-21T09:00:00Z',
    '2026-10-05',
    '2026-10-05T09:00:00Z',
  );
  await q(
    sql`insert into committee_meetings (id, org_id, reference, scheduled_at, chair_user_id, status) values (gen_random_uuid(), ${ctx.orgId}, '2026/1', '2026-10-10T08:00:00Z', ${ids.chair}, 'closed')`,
  );
  const decide = (ref: string, decision: string, at: string, position: number) =>
    q(sql`insert into agenda_items (org_id, meeting_id, application_id, position, decision, decided_at)
          select ${ctx.orgId}, m.id, a.id, ${position}, ${decision}, ${at}::timestamptz from committee_meetings m, applications a where m.reference = '2026/1' and a.reference = ${ref}`);
  await decide('REF-1', 'accepted', '2026-10-10T09:00:00Z', 1); // 8 days after raising, before the 16th: within
  await decide('REF-2', 'rejected', '2026-10-20T09:00:00Z', 2); // 19 days, after the 15th: late
  await decide('REF-4', 'deferred', '2026-10-05T09:00:00Z', 3); // deferred: not a decision that ends the wait
  const kase = (
    ref: string,
    kind: string,
    channel: string,
    created: string,
    firstDue: string,
    first: string | null,
    resDue: string,
    resolved: string | null,
  ) =>
    q(sql`insert into cases (org_id, reference, kind, channel, subject, description, created_at, first_response_due_at, first_response_at, resolution_due_at, resolved_at, status, branch_id)
          values (${ctx.orgId}, ${ref}, ${kind}, ${channel}, 'موضوع', 'وصف', ${created}::timestamptz, ${firstDue}::timestamptz, ${first}::timestamptz, ${resDue}::timestamptz, ${resolved}::timestamptz, ${resolved ? 'resolved' : 'new'}, ${hq})`);
  await kase(
    'C1',
    'complaint',
    'phone',
    '2026-10-03T10:00:00Z',
    '2026-10-03T14:00:00Z',
    '2026-10-03T12:00:00Z',
    '2026-10-10T10:00:00Z',
    '2026-10-04T10:00:00Z',
  );
  await kase(
    'C2',
    'inquiry',
    'website',
    '2026-10-05T10:00:00Z',
    '2026-10-05T14:00:00Z',
    null,
    '2026-10-08T10:00:00Z',
    null,
  );
  await kase(
    'C3',
    'complaint',
    'phone',
    '2026-10-06T10:00:00Z',
    '2026-10-06T14:00:00Z',
    '2026-10-08T10:00:00Z',
    '2026-10-15T10:00:00Z',
    '2026-10-20T10:00:00Z',
  );
  await kase(
    'C4',
    'complaint',
    'phone',
    '2026-11-02T10:00:00Z',
    '2026-11-02T14:00:00Z',
    null,
    '2026-11-09T10:00:00Z',
    null,
  );
  const delivery = (b: string, status: string, completed: string | null) =>
    q(
      sql`insert into deliveries (org_id, beneficiary_id, service_id, branch_id, scheduled_date, status, completed_at) values (${ctx.orgId}, ${b}, ${ids.service}, ${hq}, '2026-10-07', ${status}, ${completed}::timestamptz)`,
    );
  await delivery(ids.A!, 'delivered', '2026-10-07T08:00:00Z');
  await delivery(ids.B!, 'failed', '2026-10-08T08:00:00Z');
  await delivery(ids.A!, 'delivered', '2026-11-01T08:00:00Z');
  await delivery(ids.B!, 'scheduled', null);
  const invite = (hash: string, sent: string, answered: string | null) =>
    q(sql`insert into survey_invitations (org_id, token_hash, trigger, trigger_entity_id, mobile, channel, sent_at, expires_at, answered_on)
          values (${ctx.orgId}, ${hash}, 'case_resolved', ${hash}, '+966500000000', 'phone', ${sent}::timestamptz, '2027-01-01T00:00:00Z', ${answered}::date)`);
  await invite('i1', '2026-10-02T08:00:00Z', '2026-10-02');
  await invite('i2', '2026-10-03T08:00:00Z', null);
  await invite('i3', '2026-10-04T08:00:00Z', '2026-10-05');
  const respond = (rating: number, channel: string, month: string, anonymous: boolean) =>
    q(sql`insert into survey_responses (org_id, anonymous, trigger, service_id, channel, branch_id, month, rating, answers)
          values (${ctx.orgId}, ${anonymous}, 'case_resolved', ${ids.service}, ${channel}, ${hq}, ${month}, ${rating}, '{}'::jsonb)`);
  await respond(5, 'phone', '2026-10', false);
  await respond(2, 'website', '2026-10', true);
  await respond(1, 'phone', '2026-09', false);
  const contact = (channel: string, direction: string, at: string) =>
    q(
      sql`insert into interactions (org_id, channel, direction, occurred_at, summary, beneficiary_id) values (${ctx.orgId}, ${channel}, ${direction}, ${at}::timestamptz, 'تواصل', ${ids.A})`,
    );
  await contact('phone', 'inbound', '2026-10-02T08:00:00Z');
  await contact('phone', 'inbound', '2026-10-09T08:00:00Z');
  await contact('letter', 'outbound', '2026-10-11T08:00:00Z');
  await contact('phone', 'inbound', '2026-11-03T08:00:00Z');
});
afterAll(async () => {
  await ctx.close();
});

const OCTOBER = 'from=2026-10-01&to=2026-10-31';

describe('KPIs against a hand-made month', () => {
  it('applications by stage and age', async () => {
    const res = await manager.get(`/api/reports/kpis?${OCTOBER}`);
    expect(res.status).toBe(200);
    const byStage = Object.fromEntries(
      res.body.applicationsByStage.map((s: { stage: string; total: number }) => [s.stage, s]),
    );
    expect(byStage.verifying).toMatchObject({ total: 1, ageDays: { over30: 1, under7: 0 } });
    expect(byStage.completing.total).toBe(1);
    expect(byStage.rejected.total).toBe(1);
    expect(byStage.deferred.total).toBe(1);
  });

  it('decision time against the 14-day target and the share within it', async () => {
    const { decisions } = (await manager.get(`/api/reports/kpis?${OCTOBER}`)).body;
    expect(decisions).toEqual({ received: 2, decided: 2, averageDays: 13.5, withinTarget: 1, withinTargetShare: 0.5 });
  });

  it('cases by kind and channel; first response and resolution against their targets', async () => {
    const { cases } = (await manager.get(`/api/reports/kpis?${OCTOBER}`)).body;
    expect(cases.byKindChannel).toEqual([
      { kind: 'complaint', channel: 'phone', count: 2 },
      { kind: 'inquiry', channel: 'website', count: 1 },
    ]);
    expect(cases.total).toBe(3);
    expect(cases.firstResponse).toEqual({ responded: 2, metShare: 0.5, averageHours: 25 });
    expect(cases.resolution).toEqual({ resolved: 2, metShare: 0.5, averageHours: 180 });
  });

  it('deliveries done and failed', async () => {
    expect((await manager.get(`/api/reports/kpis?${OCTOBER}`)).body.deliveries).toEqual({ delivered: 1, failed: 1 });
  });

  it('satisfaction: average, response rate, trend, and by service, channel and branch — never by staff', async () => {
    const { satisfaction } = (await manager.get(`/api/reports/kpis?${OCTOBER}`)).body;
    expect(satisfaction).toMatchObject({ responses: 2, average: 3.5, invitationsSent: 3, responseRate: 0.667 });
    expect(satisfaction.byMonth).toEqual([{ key: '2026-10', responses: 2, average: 3.5 }]);
    expect(satisfaction.byChannel).toEqual([
      { key: 'phone', responses: 1, average: 5 },
      { key: 'website', responses: 1, average: 2 },
    ]);
    expect(satisfaction.byService).toEqual([{ key: ids.service, responses: 2, average: 3.5 }]);
    expect(satisfaction.byBranch).toEqual([{ key: ctx.branchIds.HQ, responses: 2, average: 3.5 }]);
    expect(JSON.stringify(satisfaction)).not.toMatch(/user|staff|owner/i);
  });

  it('active beneficiaries by district and water source; contacts per channel', async () => {
    const body = (await manager.get(`/api/reports/kpis?${OCTOBER}`)).body;
    expect(body.activeBeneficiaries).toEqual({
      byDistrict: [{ district: 'حي الروضة', count: 2 }],
      byWaterSource: [
        { source: 'tank', count: 1 },
        { source: 'well', count: 1 },
      ],
    });
    expect(body.interactionsByChannel).toEqual([
      { channel: 'letter', direction: 'outbound', count: 1 },
      { channel: 'phone', direction: 'inbound', count: 2 },
    ]);
  });

  it('a period’s figures are reused for the cache time, shared by concurrent requests, then computed afresh', async () => {
    const deps = { ...ctx.deps, config: { ...ctx.deps.config, reportsCacheMs: 300 } };
    const user = { ...(await manager.get('/api/auth/session')).body.user, orgId: ctx.orgId };
    // A period no other test asks for, so no figures are cached for it yet.
    const period = { from: '2026-10-02', to: '2026-10-31' };
    const phone = (d: Awaited<ReturnType<typeof getDashboard>>) =>
      d.interactionsByChannel.find((c) => c.channel === 'phone' && c.direction === 'inbound')?.count;
    const [first, concurrent] = await Promise.all([getDashboard(deps, user, period), getDashboard(deps, user, period)]);
    expect(concurrent).toBe(first);
    await q(sql`insert into interactions (org_id, channel, direction, occurred_at, summary)
      values (${ctx.orgId}, 'phone', 'inbound', '2026-10-15T10:00:00+03:00', 'اتصال إضافي بعد حساب المؤشرات')`);
    const cached = await getDashboard(deps, user, period);
    expect(cached.computedAt).toBe(first.computedAt);
    expect(phone(cached)).toBe(phone(first));
    await new Promise((r) => setTimeout(r, 350));
    const fresh = await getDashboard(deps, user, period);
    expect(phone(fresh)).toBe((phone(first) ?? 0) + 1);
    await q(sql`delete from interactions where summary = 'اتصال إضافي بعد حساب المؤشرات'`);
  });

  it('officers get the reduced view without satisfaction; bad periods are refused', async () => {
    const reduced = (await officer.get(`/api/reports/kpis?${OCTOBER}`)).body;
    expect(reduced.full).toBe(false);
    expect(reduced.satisfaction).toBeNull();
    const bad = await manager.get('/api/reports/kpis?from=2026-10-31&to=2026-10-01');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].issue).toBe('field.period_order');
  });

  it('a staff member’s own figures are for them and the manager only', async () => {
    const me = (await officer.get('/api/auth/session')).body.user.id;
    expect((await officer.get(`/api/reports/my-figures?${OCTOBER}`)).status).toBe(200);
    expect((await manager.get(`/api/reports/my-figures?${OCTOBER}&userId=${me}`)).status).toBe(200);
    expect((await admin.get(`/api/reports/my-figures?${OCTOBER}&userId=${me}`)).status).toBe(403);
  });
});

describe('exports', () => {
  it('Excel: a right-to-left sheet with Arabic headers and both calendars, read back', async () => {
    const res = await ctx.app.inject({
      url: `/api/reports/export/applications?format=xlsx&${OCTOBER}`,
      headers: { cookie: manager.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="wasl-applications-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('رقم الطلب');
    expect(sheet.getRow(1).getCell(4).value).toBe('المرحلة');
    const refs = [2, 3].map((r) => sheet.getRow(r).getCell(1).value);
    expect(refs).toEqual(['REF-2', 'REF-3']);
    const row = sheet.getRow(2);
    expect(row.getCell(4).value).toBe('مرفوض');
    expect(row.getCell(6).value).toBe('2026-10-01');
    expect(String(row.getCell(7).value)).toMatch(/1448/);
    expect(sheet.rowCount).toBe(3);
  });

  it('CSV: UTF-8 with a byte-order mark, Arabic intact, quoted where needed', async () => {
    const res = await ctx.app.inject({
      url: `/api/reports/export/cases?format=csv&${OCTOBER}`,
      headers: { cookie: manager.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['المرجع', 'النوع', 'الحالة', 'القناة']);
    expect(lines).toHaveLength(4);
    expect(lines[1]!.split(',').slice(0, 4)).toEqual(['C1', 'شكوى', 'تم الحل', 'الاتصال الهاتفي']);
  });

  it('exports keep to the branch chosen on the dashboard', async () => {
    const linesFor = async (dataset: string, branchId: string) => {
      const res = await ctx.app.inject({
        url: `/api/reports/export/${dataset}?format=csv&${OCTOBER}&branchId=${branchId}`,
        headers: { cookie: manager.cookie! },
      });
      expect(res.statusCode).toBe(200);
      return res.rawPayload.toString('utf8').slice(1).trim().split('\r\n').length;
    };
    for (const dataset of ['applications', 'cases']) {
      expect(await linesFor(dataset, ctx.branchIds.HQ!), dataset).toBeGreaterThan(1);
      expect(await linesFor(dataset, ctx.branchIds.KHB!), dataset).toBe(1);
    }
  });

  it('lists of people are exported only by roles that may read the files', async () => {
    expect(
      (
        await ctx.app.inject({
          url: `/api/reports/export/beneficiaries?format=csv&${OCTOBER}`,
          headers: { cookie: admin.cookie! },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ctx.app.inject({
          url: `/api/reports/export/beneficiaries?format=csv&${OCTOBER}`,
          headers: { cookie: officer.cookie! },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('governance evidence report', () => {
  it('shows for the period that the policy was applied', async () => {
    const res = await ctx.app.inject({ url: `/api/reports/evidence?${OCTOBER}`, headers: { cookie: manager.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('تقرير شواهد تطبيق سياسة تنظيم العلاقة مع المستفيدين');
    expect(res.body).toContain('القرارات ضمن الموعد المُبلَّغ للمستفيد');
    expect(res.body).toMatch(/<th>القرارات الصادرة \(قبول أو رفض\)<\/th><td>٢<\/td>/);
    expect(res.body).toContain('الاتصال الهاتفي');
    expect(res.body).toContain('لا يُرتب فيه الموظفون بأسمائهم');
    expect((await officer.get(`/api/reports/evidence?${OCTOBER}`)).status).toBe(403);
  });
});
