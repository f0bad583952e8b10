import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../common/domain/roles';
import { organizations, users } from './db/tables/index';
import { routeTableOf } from './http/guard';
import { publicUrlOf } from './http/host-org';
import { hashPassword } from './modules/auth/passwords';
import { createOrganisation } from './modules/organisation/create-organisation';
import { listServices } from './modules/services/queries';
import { raiseToCommittee } from './test/flows';
import { createTestContext, type InjectResult, signedIn, TestClient, type TestContext } from './test/harness';

// Many associations on one deployment (issue 20). Association A is the test context's; association B is onboarded
// the way `npm run org:create` does it. Each is reached at its own host name.

const HOST_A = 'a.wasl.test';
const HOST_B = 'b.wasl.test';
const PASSWORD = 'b-association-pass-2026';

let ctx: TestContext;
let orgB: string;
/** Every id of A's rows, by table; and the values that identify A's people and records. */
let idsOfA: Map<string, string[]>;
let markersOfA: string[];
let application: { applicationId: string; beneficiaryId: string; reference: string };
const clientsB = new Map<string, TestClient>();

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(text: string) => ((await ctx.deps.db.execute(sql.raw(text))) as unknown as Rows<T>).rows;

/** Tables with an org_id column (association-owned) and whether they have a uuid id. */
async function associationTables(): Promise<{ table: string; hasId: boolean }[]> {
  const rows = await rowsOf<{ table: string; has_id: boolean }>(
    `select c.table_name as table, exists (select 1 from information_schema.columns i
       where i.table_schema = 'public' and i.table_name = c.table_name and i.column_name = 'id'
       and i.data_type = 'uuid') as has_id
     from information_schema.columns c
     where c.table_schema = 'public' and c.column_name = 'org_id' order by 1`,
  );
  return rows.map((r) => ({ table: r.table, hasId: r.has_id }));
}

/** A hash of each table's rows of association A: a change by B anywhere shows here. */
async function fingerprintOfA(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { table } of await associationTables()) {
    // Sessions of A's people are touched by their own requests only; none are made while B works.
    const [row] = await rowsOf<{ md5: string | null }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as md5 from "${table}" t where org_id = '${ctx.orgId}'`,
    );
    out[table] = row?.md5 ?? '';
  }
  return out;
}

function onHost(client: TestClient, host: string): TestClient {
  client.headers.host = host;
  return client;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.deps.db.update(organizations).set({ host: HOST_A }).where(sql`${organizations.id} = ${ctx.orgId}`);
  const created = await createOrganisation(ctx.deps.db, {
    slug: 'second-association',
    nameAr: 'جمعية البر الثانية',
    nameEn: 'Second Charity',
    host: HOST_B,
    adminUsername: 'b.admin',
    adminName: 'مدير الجمعية الثانية',
  });
  orgB = created.orgId;
  // One person of every role in B, so every route is walked with the widest access each role has.
  const passwordHash = await hashPassword(PASSWORD);
  const [branch] = await rowsOf<{ id: string }>(`select id from branches where org_id = '${orgB}'`);
  await ctx.deps.db
    .update(users)
    .set({ passwordHash, mustChangePassword: false })
    .where(sql`${users.id} = ${created.adminId}`);
  await ctx.deps.db.insert(users).values(
    ROLES.filter((r) => r !== 'admin').map((role) => ({
      orgId: orgB,
      branchId: branch!.id,
      username: `b.${role}`,
      displayName: `موظف ${role}`,
      role,
      passwordHash,
    })),
  );

  // A's records: a beneficiary with an application at the committee, a case and an interaction.
  const officer = onHost(await signedIn(ctx.app, 'officer'), HOST_A);
  const services = (await listServices(ctx.deps.db, ctx.orgId)).slice(0, 1).map((s) => s.id);
  application = await raiseToCommittee(officer, ctx.branchIds.HQ!, services);
  const kase = await officer.post('/api/cases', {
    kind: 'inquiry',
    channel: 'phone',
    subject: 'استفسار عن موعد التوصيل',
    description: 'يسأل المستفيد عن موعد توصيل الصهريج القادم',
    beneficiaryId: application.beneficiaryId,
  });
  expect(kase.status).toBe(201);
  const contact = await officer.post('/api/interactions', {
    channel: 'phone',
    direction: 'inbound',
    summary: 'اتصل للسؤال عن حالة الطلب',
    beneficiaryId: application.beneficiaryId,
  });
  expect(contact.status).toBe(201);

  idsOfA = new Map();
  for (const { table, hasId } of await associationTables()) {
    if (!hasId) continue;
    const rows = await rowsOf<{ id: string }>(`select id from "${table}" where org_id = '${ctx.orgId}' limit 3`);
    if (rows.length)
      idsOfA.set(
        table,
        rows.map((r) => r.id),
      );
  }
  const [person] = await rowsOf<{ national_id: string; file_number: string; mobile: string }>(
    `select national_id, file_number, mobile from beneficiaries where id = '${application.beneficiaryId}'`,
  );
  markersOfA = [
    ...[...idsOfA.entries()].filter(([t]) => t !== 'organizations').flatMap(([, ids]) => ids),
    person!.national_id,
    person!.file_number,
    person!.mobile,
    application.reference,
    kase.body.reference,
  ];
  for (const role of ROLES) {
    const client = onHost(new TestClient(ctx.app), HOST_B);
    const login = await client.login(role === 'admin' ? 'b.admin' : `b.${role}`, PASSWORD);
    expect(login.status, role).toBe(200);
    clientsB.set(role, client);
  }
}, 120_000);
afterAll(async () => {
  await ctx.close();
});

/** Which of A's tables a path parameter names, from the path segment in front of it. */
function tableFor(url: string, param: string): string | null {
  const segments = url.split('/');
  const at = segments.indexOf(`:${param}`);
  const before = (segments[at - 1] ?? '').replaceAll('-', '_');
  for (const candidate of [before, `${before}s`, before.replace(/s$/, '')]) if (idsOfA.has(candidate)) return candidate;
  return null;
}

/** Every way to fill a route's parameters with A's ids: the named table's, else every id A has. */
function urlsWithIdsOfA(url: string): string[] {
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (params.length === 0) return [url];
  const choices = params.map((p) => {
    const table = tableFor(url, p);
    if (p === 'itemKey') return ['id_copy'];
    return table ? idsOfA.get(table)! : [...idsOfA.values()].flat();
  });
  const out: string[] = [];
  const first = choices[0]!;
  for (const value of first) {
    let filled = url.replace(`:${params[0]}`, value);
    // Further parameters take the first candidate; the routes with two ids name a parent and its child.
    for (let i = 1; i < params.length; i++) filled = filled.replace(`:${params[i]}`, choices[i]![0]!);
    out.push(filled);
  }
  return out;
}

describe('many associations on one deployment', () => {
  it('each host shows its own association before sign-in, and only its own people sign in there', async () => {
    const anonymousA = onHost(new TestClient(ctx.app), HOST_A);
    const anonymousB = onHost(new TestClient(ctx.app), HOST_B);
    const a = await anonymousA.get('/api/public/organization');
    const b = await anonymousB.get('/api/public/organization');
    expect(a.body.nameEn).not.toBe('Second Charity');
    expect(b.body.nameEn).toBe('Second Charity');
    // The portal offers each association's own services.
    const servicesB = (await listServices(ctx.deps.db, orgB)).map((s) => s.id).sort();
    const portalB = await anonymousB.get('/api/portal/info');
    expect(portalB.status).toBe(200);
    expect(JSON.stringify(portalB.body)).not.toContain(idsOfA.get('services')![0]!);
    expect(servicesB.length).toBeGreaterThan(0);
    // A's officer does not exist at B's address (the same answer as a wrong password).
    const wrongHost = await onHost(new TestClient(ctx.app), HOST_B).login('officer');
    expect(wrongHost.status).toBe(401);
    expect(wrongHost.body.code).toBe('auth.invalid_credentials');
    expect((await onHost(new TestClient(ctx.app), HOST_A).login('officer')).status).toBe(200);
    // Links in messages to B's beneficiaries open B's address; an association without a host keeps PUBLIC_URL.
    expect(await publicUrlOf(ctx.deps.db, orgB, 'https://wasl.example.org')).toBe(`https://${HOST_B}`);
    await ctx.deps.db.update(organizations).set({ host: null }).where(sql`${organizations.id} = ${ctx.orgId}`);
    expect(await publicUrlOf(ctx.deps.db, ctx.orgId, 'https://wasl.example.org')).toBe('https://wasl.example.org');
    await ctx.deps.db.update(organizations).set({ host: HOST_A }).where(sql`${organizations.id} = ${ctx.orgId}`);
  });

  it('the same username in two associations: each host signs in its own person, with its own password', async () => {
    const [branch] = await rowsOf<{ id: string }>(`select id from branches where org_id = '${orgB}'`);
    const [twin] = await ctx.deps.db
      .insert(users)
      .values({
        orgId: orgB,
        branchId: branch!.id,
        username: 'officer',
        displayName: 'موظف الجمعية الثانية',
        role: 'officer',
        passwordHash: await hashPassword(PASSWORD),
      })
      .returning({ id: users.id });
    const [officerOfA] = await rowsOf<{ id: string }>(
      `select id from users where org_id = '${ctx.orgId}' and username = 'officer'`,
    );
    // B's password at B's host signs in B's officer; A's password there is wrong.
    const atB = onHost(new TestClient(ctx.app), HOST_B);
    const signedInB = await atB.login('officer', PASSWORD);
    expect(signedInB.status).toBe(200);
    expect(signedInB.body.user.id).toBe(twin!.id);
    expect((await onHost(new TestClient(ctx.app), HOST_B).login('officer')).status).toBe(401);
    // A's host signs in A's officer with A's password only, never B's person.
    const signedInA = await onHost(new TestClient(ctx.app), HOST_A).login('officer');
    expect(signedInA.status).toBe(200);
    expect(signedInA.body.user.id).toBe(officerOfA!.id);
    const withPasswordOfB = await onHost(new TestClient(ctx.app), HOST_A).login('officer', PASSWORD);
    expect(withPasswordOfB.status).toBe(401);
    expect(withPasswordOfB.body.code).toBe('auth.invalid_credentials');
    // B's session cookie is nobody at A's host, and still B's officer at B's.
    expect((await atB.get('/api/auth/session')).body.user.id).toBe(twin!.id);
    expect((await onHost(atB, HOST_A).get('/api/auth/session')).status).toBe(401);
    await ctx.deps.db.delete(users).where(sql`${users.id} = ${twin!.id}`);
    // Onboarding another association may reuse an admin name that exists in A.
    const third = await createOrganisation(ctx.deps.db, {
      slug: 'third-association',
      nameAr: 'جمعية البر الثالثة',
      nameEn: 'Third Charity',
      host: 'c.wasl.test',
      adminUsername: 'admin',
      adminName: 'مدير الجمعية الثالثة',
    });
    const admins = await rowsOf<{ org_id: string }>(`select org_id from users where username = 'admin'`);
    expect(admins.map((r) => r.org_id).sort()).toEqual([ctx.orgId, third.orgId].sort());
  });

  it('every route of B, called with A’s ids, shows none of A’s data and changes none of it', async () => {
    const before = await fingerprintOfA();
    const table = routeTableOf(ctx.app).filter((r) => !['/api/auth/logout', '/api/auth/login'].includes(r.url));
    const leaks: string[] = [];
    let calls = 0;
    for (const route of table) {
      const urls = urlsWithIdsOfA(route.url);
      for (const [role, client] of clientsB) {
        for (const url of route.method === 'GET' ? urls : urls.slice(0, 1)) {
          const res: InjectResult = await client.request(route.method, url, route.method === 'GET' ? undefined : {});
          calls += 1;
          const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
          const shown = markersOfA.filter((m) => text.includes(m));
          if (res.status >= 500 || shown.length > 0) {
            leaks.push(`${role} ${route.method} ${url} → ${res.status} ${shown.join(',')}`);
          }
          if (url !== route.url && res.status >= 200 && res.status < 300 && route.method !== 'GET') {
            leaks.push(`${role} ${route.method} ${url} → ${res.status}: a change accepted on A's record`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await fingerprintOfA()).toEqual(before);
    // Every role of B walked every route, GET routes once per id of A that could fit.
    expect(calls).toBeGreaterThan(table.length * ROLES.length);
    // The same record read by A's own officer does show what B never saw: the markers are real.
    const own = await onHost(await signedIn(ctx.app, 'officer'), HOST_A).get(
      `/api/beneficiaries/${application.beneficiaryId}`,
    );
    expect(markersOfA.filter((m) => JSON.stringify(own.body).includes(m)).length).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
