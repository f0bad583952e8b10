import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../common/domain/roles';
import { buildApp } from './app';
import { routeTableOf } from './http/guard';
import { ACTIONS, rolesFor, tokenActions } from './policy';
import { DEMO_USERS } from './seed/demo-users';
import { createTestContext, signedIn, TestClient, type TestContext } from './test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const usernameOf = (role: string) => DEMO_USERS.find((u) => u.role === role)!.username;
const concrete = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());

describe('route × role matrix', () => {
  it('every API route declares an access policy that exists', () => {
    const table = routeTableOf(ctx.app);
    expect(table.length).toBeGreaterThan(10);
    for (const route of table) {
      expect(route.access === 'public' || ACTIONS.includes(route.access), `${route.method} ${route.url}`).toBe(true);
    }
  });

  it('refuses to build an app with a route that names no policy', async () => {
    const app = await buildApp({ config: ctx.config, database: ctx.deps.database });
    expect(() => app.get('/api/unguarded', async () => ({ ok: true }))).toThrow(/declares no access policy/);
    await app.close();
  });

  it('each role reaches exactly the routes its policy allows; anonymous callers only public ones', async () => {
    const table = routeTableOf(ctx.app).filter((r) => r.url !== '/api/auth/logout' && r.url !== '/api/auth/login');
    const failures: string[] = [];
    for (const role of ROLES) {
      const client = await signedIn(ctx.app, usernameOf(role));
      for (const route of table) {
        const res = await client.request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
        const allowed = route.access === 'public' || rolesFor(route.access).includes(role);
        const denied = res.status === 403 && res.body?.code === 'auth.forbidden';
        if (allowed === denied || res.status === 401 || res.status >= 500) {
          failures.push(`${role} ${route.method} ${route.url} → ${res.status} (allowed=${allowed})`);
        }
      }
    }
    const anonymous = new TestClient(ctx.app);
    for (const route of table) {
      const res = await anonymous.request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
      const expected = route.access === 'public' ? res.status !== 401 : res.status === 401;
      if (!expected || res.status >= 500) failures.push(`anonymous ${route.method} ${route.url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('route × token-scope matrix', () => {
  /** Scope sets covering every module at each level, with and without personal data. */
  const SCOPE_SETS = [
    { modules: { services: 'read' }, personal: false },
    {
      modules: {
        beneficiaries: 'read',
        applications: 'read',
        deliveries: 'read',
        cases: 'read',
        reports: 'read',
        audit: 'read',
      },
      personal: false,
    },
    { modules: { beneficiaries: 'read', cases: 'write', appointments: 'write' }, personal: true },
    {
      modules: { beneficiaries: 'write', applications: 'write', deliveries: 'write', services: 'read' },
      personal: true,
    },
  ] as const;

  it('a token reaches exactly the routes its scopes open (deny by default), never needing a CSRF token', async () => {
    const admin = await signedIn(ctx.app, usernameOf('admin'));
    const table = routeTableOf(ctx.app).filter((r) => r.url !== '/api/auth/login');
    const failures: string[] = [];
    for (const scopes of SCOPE_SETS) {
      const made = await admin.post('/api/integrations/tokens', { name: 'مصفوفة الصلاحيات', scopes });
      expect(made.status).toBe(201);
      const client = new TestClient(ctx.app, { authorization: `Bearer ${made.body.token}` });
      const actions = tokenActions(scopes);
      for (const route of table) {
        const res = await client.request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
        const allowed = route.access === 'public' || actions.includes(route.access);
        const denied = res.status === 403 && res.body?.code === 'auth.forbidden';
        if (allowed === denied || res.status === 401 || res.body?.code === 'auth.csrf' || res.status >= 500) {
          failures.push(
            `${JSON.stringify(scopes.modules)} ${route.method} ${route.url} → ${res.status} ${res.body?.code} (allowed=${allowed})`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    // What no scope opens: accounts, administration, committee votes, data-protection duties.
    const everything = tokenActions({
      modules: Object.fromEntries(
        ['beneficiaries', 'applications', 'deliveries', 'cases', 'appointments', 'services', 'reports', 'audit'].map(
          (m) => [m, 'write'],
        ),
      ),
      personal: true,
    });
    for (const never of [
      'session.self',
      'users.manage',
      'settings.manage',
      'system.manage',
      'integrations.manage',
      'committee.vote',
      'committee.decide',
      'privacy.manage',
    ] as const) {
      expect(everything).not.toContain(never);
    }
  });
});

describe('tenancy', () => {
  it('a user of one organisation never reads or changes another organisation’s rows', async () => {
    const { ensureOrganization } = await import('./seed/organization');
    const { hashPassword } = await import('./modules/auth/passwords');
    const { users } = await import('./db/tables/index');
    const other = await ensureOrganization(ctx.deps.db, {
      slug: 'other-association',
      nameAr: 'جمعية أخرى',
      nameEn: 'Another association',
      branches: [{ code: 'HQ', nameAr: 'المقر', nameEn: 'HQ' }],
    });
    await ctx.deps.db.insert(users).values({
      orgId: other.orgId,
      username: 'other.admin',
      displayName: 'مدير جمعية أخرى',
      role: 'admin',
      branchId: other.branchIds.HQ,
      passwordHash: await hashPassword('other-admin-pass'),
    });
    // Each association signs its people in at its own host name (decision 030).
    const { organizations } = await import('./db/tables/index');
    const { eq } = await import('drizzle-orm');
    await ctx.deps.db.update(organizations).set({ host: 'other.example.org' }).where(eq(organizations.id, other.orgId));
    const otherAdmin = new TestClient(ctx.app);
    otherAdmin.headers.host = 'other.example.org';
    expect((await otherAdmin.login('other.admin', 'other-admin-pass')).status).toBe(200);

    const list = await otherAdmin.get('/api/users');
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['other.admin']);
    const branches = await otherAdmin.get('/api/branches');
    expect(branches.body.items.map((b: { id: string }) => b.id)).toEqual([other.branchIds.HQ]);

    const ourAdmin = await signedIn(ctx.app, 'admin');
    const ours = (await ourAdmin.get('/api/users')).body.items as { id: string; username: string }[];
    expect(ours.some((u) => u.username === 'other.admin')).toBe(false);
    const officerId = ours.find((u) => u.username === 'officer')!.id;
    const change = await otherAdmin.patch(`/api/users/${officerId}`, { role: 'admin' });
    expect(change.status).toBe(404);
    const reset = await otherAdmin.post(`/api/users/${officerId}/password`, { newPassword: 'hijacked-password' });
    expect(reset.status).toBe(404);
    // Giving a user of ours a branch of another organisation is refused too.
    const cross = await ourAdmin.patch(`/api/users/${officerId}`, { branchId: other.branchIds.HQ });
    expect(cross.status).toBe(400);
    expect(cross.body.code).toBe('user.branch_not_found');
    const org = await otherAdmin.get('/api/settings/organization');
    expect(org.body.nameAr).toBe('جمعية أخرى');
    expect((await ourAdmin.get('/api/users')).body.items.find((u: { id: string }) => u.id === officerId).role).toBe(
      'officer',
    );
  });
});
