import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/tables/index';
import { createTestContext, signedIn, TestClient, type TestContext } from '../../test/harness';
import { sessionCache } from './session-cache';
import { currentTotp } from './totp';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('sign-in', () => {
  it('answers the session shape and sets an HttpOnly SameSite=Lax cookie', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.login('officer');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'officer', role: 'officer', branchId: ctx.branchIds.HQ });
    expect(res.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'wasl_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await client.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.username).toBe('officer');
    expect(session.body.user.permissions).toContain('beneficiaries.write');
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await new TestClient(ctx.app, { 'x-forwarded-for': '10.0.0.1' }).login('manager', 'not-the-password');
    const unknown = await new TestClient(ctx.app).login('nobody-here', 'whatever-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rotates the session id at sign-in (no fixation): the old cookie stops working', async () => {
    const client = await signedIn(ctx.app, 'officer');
    const before = client.cookie;
    const oldClient = new TestClient(ctx.app);
    oldClient.cookie = before;
    await client.login('officer');
    expect(client.cookie).not.toBe(before);
    expect((await oldClient.get('/api/auth/session')).status).toBe(401);
    expect((await client.get('/api/auth/session')).status).toBe(200);
  });

  it('logout ends the session: the same cookie is refused afterwards', async () => {
    const client = await signedIn(ctx.app, 'committee');
    const cookie = client.cookie;
    const out = await client.post('/api/auth/logout');
    expect(out.status).toBe(204);
    const replay = new TestClient(ctx.app);
    replay.cookie = cookie;
    const res = await replay.get('/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.unauthenticated');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, or with a wrong one', async () => {
    const client = await signedIn(ctx.app, 'officer');
    const missing = await client.request('PATCH', '/api/me/preferences', { digits: 'latn' }, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('auth.csrf');
    const wrong = await client.request(
      'PATCH',
      '/api/me/preferences',
      { digits: 'latn' },
      { 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(403);
    const ok = await client.patch('/api/me/preferences', { digits: 'latn' });
    expect(ok.status).toBe(200);
    expect(ok.body.preferences.digits).toBe('latn');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await new TestClient(ctx.app).post(
      '/api/auth/login',
      { username: 'officer', password: 'wasl-demo-2026' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.bad_origin');
  });
});

describe('login rate limit', () => {
  it('answers 429 after repeated failures, even to the right password, only from that address', async () => {
    const attacker = new TestClient(ctx.app);
    const ip = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < ctx.config.login.maxFailures; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { username: 'execution', password: `wrong-${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { username: 'execution', password: 'wasl-demo-2026' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.rate_limited');
    // The real user at their own address is not locked out.
    expect((await attacker.login('execution')).status).toBe(200);
    // And the block lifts once the failures fall out of the window.
    await ctx.deps.db.execute(sql`update login_failures set at = at - interval '1 day'`);
    const later = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { username: 'execution', password: 'wasl-demo-2026' },
    });
    expect(later.statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  it('ends a session idle longer than the idle timeout', async () => {
    const client = await signedIn(ctx.app, 'manager');
    const res0 = await client.get('/api/auth/session');
    expect(res0.status).toBe(200);
    const minutes = ctx.config.session.idleMs / 60_000 + 1;
    await ctx.deps.db.execute(
      sql`update sessions set last_seen_at = now() - make_interval(mins => ${minutes}) where user_id = (select id from users where username = 'manager')`,
    );
    // The clock moved on by minutes: the process's copy of the row (kept for seconds) has lapsed too.
    sessionCache.clear();
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('ends a session past its absolute limit even when active', async () => {
    const client = await signedIn(ctx.app, 'manager');
    await ctx.deps.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where username = 'manager')`,
    );
    sessionCache.clear();
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('a change made outside this process is seen once the short-lived copy of the session lapses', async () => {
    const client = await signedIn(ctx.app, 'manager');
    expect((await client.get('/api/auth/session')).status).toBe(200);
    // As another server process would: end the session straight in the database.
    await ctx.deps.db.execute(
      sql`delete from sessions where user_id = (select id from users where username = 'manager')`,
    );
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < ctx.config.session.cacheMs + 1_000) {
      status = (await client.get('/api/auth/session')).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThanOrEqual(ctx.config.session.cacheMs + 500);
  });
});

describe('password change and account disabling', () => {
  it('a password change ends the other sessions and keeps this one', async () => {
    const a = await signedIn(ctx.app, 'branchrep');
    const b = await signedIn(ctx.app, 'branchrep');
    const wrong = await a.post('/api/me/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-new-password-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('auth.wrong_password');
    const short = await a.post('/api/me/password', { currentPassword: 'wasl-demo-2026', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('newPassword');
    const ok = await a.post('/api/me/password', { currentPassword: 'wasl-demo-2026', newPassword: 'a-new-password-1' });
    expect(ok.status).toBe(204);
    expect((await a.get('/api/auth/session')).status).toBe(200);
    expect((await b.get('/api/auth/session')).status).toBe(401);
    expect((await new TestClient(ctx.app).login('branchrep', 'a-new-password-1')).status).toBe(200);
    expect((await new TestClient(ctx.app).login('branchrep')).status).toBe(401);
  });

  it('disabling an account ends its sessions and refuses sign-in', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    const created = await admin.post('/api/users', {
      username: 'temp.officer',
      displayName: 'موظف مؤقت',
      password: 'temporary-pass-1',
      role: 'officer',
      branchId: ctx.branchIds.HQ,
    });
    expect(created.status).toBe(201);
    const user = new TestClient(ctx.app);
    expect((await user.login('temp.officer', 'temporary-pass-1')).status).toBe(200);
    const disabled = await admin.patch(`/api/users/${created.body.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await user.get('/api/auth/session')).status).toBe(401);
    // With the right password the person is told the account is disabled; a wrong one reveals nothing.
    const refused = await new TestClient(ctx.app).login('temp.officer', 'temporary-pass-1');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.account_disabled');
    const guessed = await new TestClient(ctx.app).login('temp.officer', 'not-the-password');
    expect(guessed.status).toBe(401);
    expect(guessed.body.code).toBe('auth.invalid_credentials');
  });
});

describe('TOTP second factor', () => {
  it('enrols, then requires the code at sign-in', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    const created = await admin.post('/api/users', {
      username: 'totp.user',
      displayName: 'مستخدم التحقق',
      password: 'totp-user-pass-1',
      role: 'officer',
      branchId: ctx.branchIds.HQ,
    });
    await admin.patch(`/api/users/${created.body.id}`, { totpRequired: true });

    const user = new TestClient(ctx.app);
    const first = await user.login('totp.user', 'totp-user-pass-1');
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ totpRequired: true, totpEnabled: false });
    // Until enrolled, only their own session routes answer.
    expect((await user.get('/api/branches')).body.code).toBe('auth.totp_enrollment_required');

    const setup = await user.post('/api/me/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toContain('otpauth://totp/');
    expect((await user.post('/api/me/totp/confirm', { code: '000000' })).body.code).toBe('auth.totp_invalid');
    const confirm = await user.post('/api/me/totp/confirm', { code: await currentTotp(setup.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect((await user.get('/api/branches')).status).toBe(200);
    expect((await user.post('/api/me/totp/disable', { code: await currentTotp(setup.body.secret) })).body.code).toBe(
      'auth.totp_mandatory',
    );

    const next = new TestClient(ctx.app);
    const noCode = await next.login('totp.user', 'totp-user-pass-1');
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('auth.totp_required');
    expect((await next.login('totp.user', 'totp-user-pass-1', '123456')).body.code).toBe('auth.totp_invalid');
    // The code of the step used to enrol is spent (no replay); the next step's code (clock drift allowance) works.
    const nextStep = Math.floor(Date.now() / 1000) + 30;
    const withCode = await next.login('totp.user', 'totp-user-pass-1', await currentTotp(setup.body.secret, nextStep));
    expect(withCode.status).toBe(200);
  });
});

describe('audit log', () => {
  it('records sign-ins (success and failure) and writes, with who, what and where', async () => {
    await new TestClient(ctx.app).login('manager', 'bad-password-x');
    await signedIn(ctx.app, 'manager');
    const rows = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.actorUsername, 'manager'));
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    const ok = rows.find((r) => r.action === 'auth.login')!;
    expect(ok.orgId).toBe(ctx.orgId);
    expect(ok.entityType).toBe('user');
    expect(ok.ip).toBeTruthy();
    const [created] = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.created')).limit(1);
    expect(created?.actorUsername).toBe('admin');
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(ctx.deps.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const [row] = await ctx.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('can be searched by admin and manager, not by an officer', async () => {
    const manager = await signedIn(ctx.app, 'manager');
    const res = await manager.get('/api/audit?action=auth.login&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: { action: string }) => i.action === 'auth.login')).toBe(true);
    const officer = await signedIn(ctx.app, 'officer');
    expect((await officer.get('/api/audit')).status).toBe(403);
  });
});

describe('sessions table', () => {
  it('stores only a hash of the cookie token', async () => {
    const client = await signedIn(ctx.app, 'committee');
    const token = client.cookie!.split('=')[1]!;
    const [user] = await ctx.deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'committee'));
    const rows = await ctx.deps.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user!.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });
});
