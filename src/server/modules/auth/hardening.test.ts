import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { auditLog, users } from '../../db/tables/index';
import { DEMO_PASSWORD } from '../../seed/demo-users';
import { createTestContext, signedIn, TestClient, type TestContext } from '../../test/harness';
import { currentTotp } from './totp';

// Issue 14, findings 3, 4, 5, 6, 7 and 11: each test fails on the code before the fix.
let ctx: TestContext;
beforeAll(async () => {
  // One trusted proxy hop, a one-minute idle limit and a five-minute absolute limit (for the clock test).
  ctx = await createTestContext({
    trustProxy: 1,
    session: { ...loadConfig({ NODE_ENV: 'test' }).session, idleMs: 60_000, absoluteMs: 5 * 60_000 },
  });
});
afterAll(async () => {
  await ctx.close();
});
afterEach(() => {
  vi.useRealTimers();
});

function signIn(
  username: string,
  password: string,
  opts: { ip?: string; forwardedFor?: string; cookie?: string; totp?: string; recoveryCode?: string } = {},
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: opts.ip ?? '127.0.0.1',
    headers: {
      ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    payload: {
      username,
      password,
      ...(opts.totp ? { totp: opts.totp } : {}),
      ...(opts.recoveryCode ? { recoveryCode: opts.recoveryCode } : {}),
    },
  });
}

async function auditActions(action: string, entityId?: string) {
  const rows = await ctx.deps.db
    .select({ id: auditLog.id, details: auditLog.details, ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined));
  return rows;
}

async function newUser(admin: TestClient, username: string, password = 'a-good-password-1', role = 'officer') {
  const res = await admin.post('/api/users', {
    username,
    displayName: `مستخدم ${username}`,
    password,
    role,
    branchId: role === 'admin' ? null : ctx.branchIds.HQ,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('finding 3: an attacker cannot lock the owner out', () => {
  it('slows down unknown browsers for an attacked account, alerts, and lets the owner in from a known device or address', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    const id = await newUser(admin, 'owner.one', 'owner-password-1');
    // The owner signs in once from home (192.0.2.50) and keeps the known-device cookie of that browser.
    const first = await signIn('owner.one', 'owner-password-1', { ip: '192.0.2.50' });
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'wasl_dev');
    expect(device?.httpOnly).toBe(true);
    expect(device?.value).toMatch(/^[\w-]{43}$/);

    // Twenty failures from twenty addresses: no address reaches its own limit.
    const threshold = ctx.config.login.maxFailures * 4;
    for (let i = 0; i < threshold; i++) {
      const res = await signIn('owner.one', `guess-${i}`, { ip: `198.51.100.${i + 1}` });
      expect(res.statusCode).toBe(401);
    }
    // The admins are alerted once (an audit row on the account).
    const alerts = await auditActions('auth.account_attacked', id);
    expect(alerts).toHaveLength(1);
    // …and the admin's user list flags the account.
    const listed = await admin.get('/api/users?q=owner.one');
    expect(listed.body.items[0]).toMatchObject({ username: 'owner.one', signInAlert: true });
    expect((await admin.get('/api/users?q=officer')).body.items[0].signInAlert).toBe(false);

    // A browser and address never used by the owner is slowed down: refused for now, even with the right password.
    const stranger = await signIn('owner.one', 'owner-password-1', { ip: '203.0.113.77' });
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().code).toBe('auth.rate_limited');

    // The owner's own browser, now on another network, goes straight in.
    const fromDevice = await signIn('owner.one', 'owner-password-1', {
      ip: '203.0.113.78',
      cookie: `wasl_dev=${device!.value}`,
    });
    expect(fromDevice.statusCode).toBe(200);
    // So does another browser at an address the owner signed in from before.
    const fromHome = await signIn('owner.one', 'owner-password-1', { ip: '192.0.2.50' });
    expect(fromHome.statusCode).toBe(200);
    // A known device does not let a wrong password through.
    const wrongFromDevice = await signIn('owner.one', 'still-wrong-1', {
      ip: '203.0.113.79',
      cookie: `wasl_dev=${device!.value}`,
    });
    expect(wrongFromDevice.statusCode).toBe(401);

    // Slowing down is not a lock: once the slow-down interval has passed, an unknown browser may try again.
    await ctx.deps.db.execute(
      sql`update login_failures set at = at - make_interval(secs => ${ctx.config.login.slowdownMs / 1000 + 1}) where username = 'owner.one'`,
    );
    const later = await signIn('owner.one', 'owner-password-1', { ip: '203.0.113.80' });
    expect(later.statusCode).toBe(200);
  });

  it('limits each address: many usernames tried from one address are stopped there only', async () => {
    const ip = '198.18.0.9';
    const perAddress = ctx.config.login.maxFailures * 4;
    for (let i = 0; i < perAddress; i++) {
      expect((await signIn(`nobody-${i}`, 'whatever-password', { ip })).statusCode).toBe(401);
    }
    const blocked = await signIn('officer', DEMO_PASSWORD, { ip });
    expect(blocked.statusCode).toBe(429);
    expect((await signIn('officer', DEMO_PASSWORD, { ip: '198.18.0.10' })).statusCode).toBe(200);
  });
});

describe('finding 4: only the configured proxy hops are believed', () => {
  it('a client rotating X-Forwarded-For still meets the per-address limit', async () => {
    // The client writes any address it likes; our one proxy appends the address it really saw.
    for (let i = 0; i < ctx.config.login.maxFailures; i++) {
      const res = await signIn('committee', `wrong-${i}`, { forwardedFor: `10.${i}.0.1, 100.64.0.7` });
      expect(res.statusCode).toBe(401);
    }
    const rotated = await signIn('committee', DEMO_PASSWORD, { forwardedFor: '10.99.0.1, 100.64.0.7' });
    expect(rotated.statusCode).toBe(429);
    const rows = await ctx.deps.db.execute(
      sql`select distinct host(ip) as ip from login_failures where username = 'committee'`,
    );
    expect((rows as unknown as { rows: { ip: string }[] }).rows).toEqual([{ ip: '100.64.0.7' }]);
    // Another real client behind the same proxy is not affected.
    expect((await signIn('committee', DEMO_PASSWORD, { forwardedFor: '100.64.0.8' })).statusCode).toBe(200);
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses, never "every hop"', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('with a list of proxies, a header from any other address is ignored', async () => {
    const app = await buildApp({ config: { ...ctx.config, trustProxy: ['10.0.0.1'] }, database: ctx.deps.database });
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= ctx.config.login.maxFailures; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '203.0.113.200',
          headers: { 'x-forwarded-for': `10.7.${i}.1` },
          payload: { username: 'manager', password: i === ctx.config.login.maxFailures ? DEMO_PASSWORD : `bad-${i}` },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.at(-1)).toBe(429);
      // Through the trusted proxy, the address it forwards is the client's.
      const viaProxy = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': '198.51.100.200' },
        payload: { username: 'manager', password: DEMO_PASSWORD },
      });
      expect(viaProxy.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('finding 5: a TOTP code is accepted once', () => {
  it('refuses a code (time step) the account has used already, also when sent twice at once', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    await newUser(admin, 'totp.once', 'totp-once-pass-1');
    const user = new TestClient(ctx.app);
    await user.login('totp.once', 'totp-once-pass-1');
    const setup = await user.post('/api/me/totp/setup');
    const secret = setup.body.secret as string;
    const now = Math.floor(Date.now() / 1000);
    // Enrol with the previous step's code, so the current step is still unused.
    expect((await user.post('/api/me/totp/confirm', { code: await currentTotp(secret, now - 30) })).status).toBe(200);
    const code = await currentTotp(secret, now);
    const [a, b] = await Promise.all([
      signIn('totp.once', 'totp-once-pass-1', { ip: '192.0.2.101', totp: code }),
      signIn('totp.once', 'totp-once-pass-1', { ip: '192.0.2.102', totp: code }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    const again = await signIn('totp.once', 'totp-once-pass-1', { ip: '192.0.2.103', totp: code });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('auth.totp_reused');
    // An older step than the last one used is refused too.
    const older = await signIn('totp.once', 'totp-once-pass-1', {
      ip: '192.0.2.104',
      totp: await currentTotp(secret, now - 30),
    });
    expect(older.statusCode).toBe(401);
    const next = await signIn('totp.once', 'totp-once-pass-1', {
      ip: '192.0.2.105',
      totp: await currentTotp(secret, now + 30),
    });
    expect(next.statusCode).toBe(200);
  });
});

describe('finding 6: HSTS behind a TLS proxy', () => {
  it('sends Strict-Transport-Security when a trusted hop says the request came over HTTPS', async () => {
    const tls = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto from an address that is not a configured proxy', async () => {
    const app = await buildApp({ config: { ...ctx.config, trustProxy: ['10.0.0.1'] }, database: ctx.deps.database });
    try {
      const spoofed = await app.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress: '203.0.113.5',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();
      const proxied = await app.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(proxied.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await app.close();
    }
  });
});

describe('finding 7: an admin changing their own password through the admin route', () => {
  it('needs the current password, and every attempt is audited', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    const id = await newUser(admin, 'admin.two', 'admin-two-pass-1', 'admin');
    const self = new TestClient(ctx.app);
    expect((await self.login('admin.two', 'admin-two-pass-1')).status).toBe(200);
    const other = new TestClient(ctx.app);
    expect((await other.login('admin.two', 'admin-two-pass-1')).status).toBe(200);

    const without = await self.post(`/api/users/${id}/password`, { newPassword: 'taken-over-pass-1' });
    expect(without.status).toBe(400);
    expect(without.body.code).toBe('auth.current_password_required');
    const wrong = await self.post(`/api/users/${id}/password`, {
      newPassword: 'taken-over-pass-1',
      currentPassword: 'not-my-password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('auth.wrong_password');
    // Nothing changed: the old password still works, the new one does not.
    expect((await new TestClient(ctx.app).login('admin.two', 'taken-over-pass-1')).status).toBe(401);
    expect((await new TestClient(ctx.app).login('admin.two', 'admin-two-pass-1')).status).toBe(200);
    const refused = await auditActions('user.password_change_refused', id);
    expect(refused.map((r) => (r.details as { reason: string }).reason).sort()).toEqual([
      'current_password_missing',
      'wrong_current_password',
    ]);

    const ok = await self.post(`/api/users/${id}/password`, {
      newPassword: 'admin-two-pass-2',
      currentPassword: 'admin-two-pass-1',
    });
    expect(ok.status).toBe(204);
    // Like the profile's change: this session stays, the others end, and no forced change is set.
    expect((await self.get('/api/auth/session')).body.user.mustChangePassword).toBe(false);
    expect((await other.get('/api/auth/session')).status).toBe(401);
    const changed = await auditActions('user.password_changed', id);
    expect(changed.at(-1)?.details).toMatchObject({ via: 'admin_route' });
  });
});

describe('finding 11: the idle timeout slides with activity; the absolute limit holds', () => {
  it('keeps a session used every 20 s alive past the idle limit, and ends it at the absolute limit', async () => {
    const client = await signedIn(ctx.app, 'execution');
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const statuses: { at: number; status: number }[] = [];
    // Requests every 20 s for the whole absolute limit (5 minutes) and a little past it.
    for (let t = 20_000; t <= ctx.config.session.absoluteMs + 40_000; t += 20_000) {
      vi.setSystemTime(start + t);
      statuses.push({ at: t, status: (await client.get('/api/auth/session')).status });
    }
    const before = statuses.filter((s) => s.at < ctx.config.session.absoluteMs - 5_000);
    const after = statuses.filter((s) => s.at > ctx.config.session.absoluteMs + 5_000);
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((s) => s.status === 200)).toBe(true);
    expect(after.every((s) => s.status === 401)).toBe(true);
  });

  it('still ends a session left idle longer than the limit', async () => {
    const client = await signedIn(ctx.app, 'branchrep');
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    vi.setSystemTime(start + 30_000);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    vi.setSystemTime(start + 30_000 + ctx.config.session.idleMs + 1_000);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });
});

describe('users carry the new account columns', () => {
  it('records the time of the last sign-in', async () => {
    await signedIn(ctx.app, 'manager');
    const [row] = await ctx.deps.db
      .select({ lastLoginAt: users.lastLoginAt })
      .from(users)
      .where(eq(users.username, 'manager'));
    expect(row?.lastLoginAt).toBeInstanceOf(Date);
  });
});
