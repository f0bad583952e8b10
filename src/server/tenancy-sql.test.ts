import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../common/domain/sla';
import { GLOBAL_TABLES } from './db/tenancy';
import { routeTableOf } from './http/guard';
import { completeSteps, raiseToCommittee } from './test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from './test/harness';
import { captureSql, tablesWithoutOrg } from './test/sql-capture';

/** A statement's tables and opening words, whitespace folded: stable across runs and both drivers. */
function signature(statement: string, tables: string[]) {
  return `${tables.join(',')}: ${statement.replace(/\s+/g, ' ').slice(0, 110)}`;
}

let ctx: TestContext;
let tenantTables: Set<string>;
beforeAll(async () => {
  ctx = await createTestContext();
  const tables = (await ctx.deps.db.execute(
    sql`select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id'
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'`,
  )) as unknown as { rows: { relname: string }[] };
  const globals = new Set<string>(GLOBAL_TABLES);
  tenantTables = new Set(tables.rows.map((r) => r.relname).filter((t) => !globals.has(t)));
});
afterAll(() => ctx.close());

describe('every statement on an association table names org_id (decision 031)', () => {
  it('tells a statement that names org_id from one that does not', () => {
    const tables = new Set(['beneficiaries', 'applications']);
    expect(tablesWithoutOrg('select "id" from "beneficiaries" where "beneficiaries"."id" = $1', tables)).toEqual([
      'beneficiaries',
    ]);
    expect(
      tablesWithoutOrg(
        'select "beneficiaries"."id" from "beneficiaries" inner join "applications" on "applications"."beneficiary_id" = "beneficiaries"."id" where "beneficiaries"."org_id" = $1',
        tables,
      ),
    ).toEqual(['applications']);
    expect(tablesWithoutOrg('insert into "applications" ("id", "reference") values ($1, $2)', tables)).toEqual([
      'applications',
    ]);
    expect(tablesWithoutOrg('insert into "applications" ("id", "org_id") values ($1, $2)', tables)).toEqual([]);
    expect(
      tablesWithoutOrg('update "applications" set "stage" = $1 where "applications"."org_id" = $2', tables),
    ).toEqual([]);
    expect(tablesWithoutOrg('select 1 from beneficiaries b where b.org_id = $1 and b.id = $2', tables)).toEqual([]);
    // Org ids paired in a join, but the request's organisation bound nowhere.
    expect(
      tablesWithoutOrg(
        'select 1 from "applications" inner join "beneficiaries" on "beneficiaries"."org_id" = "applications"."org_id" and "beneficiaries"."id" = "applications"."beneficiary_id" where "applications"."id" = $1',
        tables,
      ),
    ).toEqual(['applications', 'beneficiaries']);
  });

  it('the requests of intake, committee, completion, delivery, cases and every list screen', async () => {
    const { statements, stop } = captureSql(ctx.deps.db);
    try {
      await driveMainFlows();
    } finally {
      stop();
    }
    expect(statements.length).toBeGreaterThan(300);
    // Every statement names org_id: the session by its cookie and the sign-in by its name look in the host's
    // association too (issue 20), so nothing reaches an association table by id alone.
    const offending = new Set<string>();
    for (const statement of statements) {
      const missing = tablesWithoutOrg(statement, tenantTables);
      if (missing.length > 0) offending.add(signature(statement, missing));
    }
    expect([...offending]).toEqual([]);
  });
});

async function driveMainFlows() {
  const [officer, execution, chair, admin, rep] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'committee',
    'admin',
    'branchrep',
  ] as const);
  const expectStatus = async (p: Promise<{ status: number; body: unknown }>, status: number) => {
    const res = await p;
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const users = (await admin.get('/api/users')).body.items as { id: string; role: string }[];
  const memberIds = users.filter((u) => u.role === 'committee').map((u) => u.id);
  const services = (await officer.get('/api/services')).body.items as { id: string; code: string }[];
  const tank = services.find((s) => s.code === 'tank_delivery')!.id;

  const app = await raiseToCommittee(officer, ctx.branchIds.KHB!, [tank], { district: 'قرية الشقة' });
  const chairId = (await chair.get('/api/auth/session')).body.user.id as string;
  const meeting = await expectStatus(
    officer.post('/api/committee/meetings', {
      scheduledAt: new Date().toISOString(),
      location: 'قاعة الاجتماعات',
      chairUserId: chairId,
      memberIds,
    }),
    201,
  );
  await expectStatus(
    chair.request('PUT', `/api/committee/meetings/${meeting.id}/attendance`, { present: memberIds }),
    204,
  );
  await expectStatus(
    chair.request('PUT', `/api/committee/meetings/${meeting.id}/items/${app.applicationId}/vote`, { vote: 'accept' }),
    204,
  );
  await expectStatus(
    chair.post(`/api/committee/meetings/${meeting.id}/items/${app.applicationId}/decision`, { decision: 'accepted' }),
    200,
  );
  // The inspection and the appointment are recorded through their own forms (issue 12), not ticked by hand.
  await completeSteps(officer, execution, app.applicationId, {
    date: nextWorkingDate(addDays(riyadhDate(new Date()), 1), DEFAULT_CALENDAR),
    from: '08:00',
    to: '12:00',
  });
  const enrolled = await expectStatus(officer.post(`/api/applications/${app.applicationId}/enrol`), 200);
  const deliveryId = (enrolled.deliveryIds as string[])[0]!;
  const repId = (await rep.get('/api/auth/session')).body.user.id as string;
  await expectStatus(execution.patch(`/api/deliveries/${deliveryId}`, { assigneeUserId: repId }), 204);
  const kase = await expectStatus(
    officer.post('/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'موعد توصيل الصهريج',
      description: 'متى يصل الصهريج القادم؟',
      beneficiaryId: app.beneficiaryId,
    }),
    201,
  );

  // Every screen's GET, as the admin and as the officer, with the records made above in its path.
  const ids: Record<string, string> = {
    'applications/:id': app.applicationId,
    'beneficiaries/:id': app.beneficiaryId,
    'meetings/:id': meeting.id as string,
    'deliveries/:id': deliveryId,
    'cases/:id': kase.id as string,
  };
  const gets = routeTableOf(ctx.app).filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
  for (const client of [admin, officer] as TestClient[]) {
    for (const route of gets) {
      const parts = route.url.split('/');
      const url = parts.map((p, i) => (p.startsWith(':') ? ids[`${parts[i - 1]}/${p}`] : p));
      if (url.some((p) => p === undefined)) continue;
      await client.get(url.join('/'));
    }
  }
}
