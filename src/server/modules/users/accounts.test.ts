import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, recoveryCodes, users } from '../../db/tables/index';
import { createTestContext, signedIn, TestClient, type TestContext } from '../../test/harness';
import { currentTotp } from '../auth/totp';

// Issue 22, item 4: accounts — password reset with a forced change, two-step with QR and recovery codes, the
// admin's two-step reset, and a searchable user list.
let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx.app, 'admin');
});
afterAll(async () => {
  await ctx.close();
});

async function newUser(username: string, password = 'first-password-1', role = 'officer') {
  const res = await admin.post('/api/users', {
    username,
    displayName: `موظف ${username}`,
    password,
    role,
    branchId: ctx.branchIds.HQ,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function auditRows(action: string, entityId: string) {
  return ctx.deps.db
    .select({ details: auditLog.details, actor: auditLog.actorUsername })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

async function passwordHashOf(id: string) {
  const [row] = await ctx.deps.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id));
  return row!.h;
}

/** Signs in, sets up two-step and confirms it with the previous step's code (so the current one stays unused). */
async function enrol(client: TestClient) {
  const setup = await client.post('/api/me/totp/setup');
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const confirm = await client.post('/api/me/totp/confirm', {
    code: await currentTotp(secret, Math.floor(Date.now() / 1000) - 30),
  });
  expect(confirm.status).toBe(200);
  return { setup: setup.body, secret, codes: confirm.body.recoveryCodes as string[] };
}

describe('password reset by an admin', () => {
  it('sets a temporary password that must be changed at the next sign-in', async () => {
    const id = await newUser('reset.me');
    const user = new TestClient(ctx.app);
    expect((await user.login('reset.me', 'first-password-1')).status).toBe(200);

    const reset = await admin.post(`/api/users/${id}/password`, { newPassword: 'temporary-pass-9' });
    expect(reset.status).toBe(204);
    // Their sessions end, and the audit row says the forced change was switched on.
    expect((await user.get('/api/auth/session')).status).toBe(401);
    const [row] = await auditRows('user.password_reset', id);
    expect(row).toMatchObject({
      actor: 'admin',
      details: { before: { mustChangePassword: false }, after: { mustChangePassword: true } },
    });
    const listed = (await admin.get('/api/users?q=reset.me')).body.items[0];
    expect(listed.mustChangePassword).toBe(true);

    const signIn = await user.login('reset.me', 'temporary-pass-9');
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    // Until the change, only their own session routes answer.
    const blocked = await user.get('/api/beneficiaries');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('auth.password_change_required');
    const same = await user.post('/api/me/password', {
      currentPassword: 'temporary-pass-9',
      newPassword: 'temporary-pass-9',
    });
    expect(same.status).toBe(400);
    expect(same.body.code).toBe('auth.same_password');
    const changed = await user.post('/api/me/password', {
      currentPassword: 'temporary-pass-9',
      newPassword: 'my-own-password-1',
    });
    expect(changed.status).toBe(204);
    const session = await user.get('/api/auth/session');
    expect(session.body.user.mustChangePassword).toBe(false);
    expect((await user.get('/api/beneficiaries')).status).toBe(200);
    const [own] = await auditRows('user.password_changed', id);
    expect(own?.details).toMatchObject({
      before: { mustChangePassword: true },
      after: { mustChangePassword: false },
    });
  });

  it('is for admins only, and bad input writes nothing', async () => {
    const id = await newUser('reset.guard');
    const hash = await passwordHashOf(id);
    const manager = await signedIn(ctx.app, 'manager');
    const refused = await manager.post(`/api/users/${id}/password`, { newPassword: 'manager-sets-it-1' });
    expect(refused.status).toBe(403);
    const short = await admin.post(`/api/users/${id}/password`, { newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('newPassword');
    const extra = await admin.post(`/api/users/${id}/password`, { newPassword: 'long-enough-pass', role: 'admin' });
    expect(extra.status).toBe(400);
    const missing = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/password', {
      newPassword: 'long-enough-pass',
    });
    expect(missing.status).toBe(404);
    expect(await passwordHashOf(id)).toBe(hash);
    expect(await auditRows('user.password_reset', id)).toHaveLength(0);
  });
});

describe('two-step set-up, recovery codes and sign-in with one', () => {
  it('gives a QR code of the otpauth: link, ten recovery codes stored hashed, each usable once', async () => {
    const id = await newUser('two.step', 'two-step-pass-1');
    const user = new TestClient(ctx.app);
    await user.login('two.step', 'two-step-pass-1');
    const { setup, secret, codes } = await enrol(user);
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Wasl:two\.step\?/);
    expect(setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(setup.qrDataUrl.split(',')[1], 'base64').toString();
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // Only hashes are kept.
    const stored = await ctx.deps.db
      .select({ h: recoveryCodes.codeHash })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, id));
    expect(stored).toHaveLength(10);
    expect(stored.some((s) => codes.includes(s.h) || s.h.includes(codes[0]!.replace('-', '')))).toBe(false);
    expect((await user.get('/api/me/totp')).body).toEqual({ totpEnabled: true, unusedRecoveryCodes: 10 });

    // A recovery code signs in once, typed in capitals and with spaces too; a second use is refused.
    const withCode = await new TestClient(ctx.app).post('/api/auth/login', {
      username: 'two.step',
      password: 'two-step-pass-1',
      recoveryCode: ` ${codes[0]!.toUpperCase().replace('-', ' ')} `,
    });
    expect(withCode.status).toBe(200);
    const again = await new TestClient(ctx.app).post('/api/auth/login', {
      username: 'two.step',
      password: 'two-step-pass-1',
      recoveryCode: codes[0],
    });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('auth.recovery_code_invalid');
    // A recovery code does not stand in for the password.
    const noPassword = await new TestClient(ctx.app).post('/api/auth/login', {
      username: 'two.step',
      password: 'wrong-password-1',
      recoveryCode: codes[1],
    });
    expect(noPassword.status).toBe(401);
    expect(noPassword.body.code).toBe('auth.invalid_credentials');
    expect((await user.get('/api/me/totp')).body.unusedRecoveryCodes).toBe(9);
    const [used] = await ctx.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.entityId, id), sql`details is not null`));
    expect(used?.details).toEqual({ secondFactor: 'recovery_code' });

    // New codes need a current code; the old ones stop working.
    const wrong = await user.post('/api/me/totp/recovery-codes', { code: '000000' });
    expect(wrong.status).toBe(401);
    const fresh = await user.post('/api/me/totp/recovery-codes', { code: await currentTotp(secret) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const old = await new TestClient(ctx.app).post('/api/auth/login', {
      username: 'two.step',
      password: 'two-step-pass-1',
      recoveryCode: codes[2],
    });
    expect(old.status).toBe(401);
    const [regenerated] = await auditRows('user.recovery_codes_regenerated', id);
    expect(regenerated?.details).toEqual({
      before: { unusedRecoveryCodes: 9 },
      after: { unusedRecoveryCodes: 10 },
    });
  });
});

describe('an admin resets a lost two-step', () => {
  it('switches it off, ends the sessions, drops the codes and audits before and after', async () => {
    const id = await newUser('lost.phone', 'lost-phone-pass-1');
    const user = new TestClient(ctx.app);
    await user.login('lost.phone', 'lost-phone-pass-1');
    await enrol(user);

    const officer = await signedIn(ctx.app, 'officer');
    expect((await officer.post(`/api/users/${id}/totp/reset`)).status).toBe(403);
    expect((await admin.post('/api/users/not-a-uuid/totp/reset')).status).toBe(400);
    expect((await admin.post('/api/users/00000000-0000-4000-8000-000000000000/totp/reset')).status).toBe(404);
    const me = (await admin.get('/api/auth/session')).body.user.id as string;
    const self = await admin.post(`/api/users/${me}/totp/reset`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('user.use_profile_for_self');
    expect(await auditRows('user.totp_reset', id)).toHaveLength(0);

    const reset = await admin.post(`/api/users/${id}/totp/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ id, totpEnabled: false });
    expect((await user.get('/api/auth/session')).status).toBe(401);
    const [row] = await auditRows('user.totp_reset', id);
    expect(row?.details).toEqual({
      before: { totpEnabled: true, unusedRecoveryCodes: 10 },
      after: { totpEnabled: false, unusedRecoveryCodes: 0 },
    });
    const left = await ctx.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id));
    expect(left).toHaveLength(0);
    // They sign in with the password alone, and can enrol again.
    const back = new TestClient(ctx.app);
    expect((await back.login('lost.phone', 'lost-phone-pass-1')).status).toBe(200);
    const twice = await admin.post(`/api/users/${id}/totp/reset`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('user.totp_not_enabled');
  });
});

describe('the user list', () => {
  it('is searchable by name, role, branch and two-step state, and shows the last sign-in', async () => {
    await newUser('search.target', 'search-target-pass', 'committee');
    await new TestClient(ctx.app).login('search.target', 'search-target-pass');
    const byName = await admin.get(`/api/users?q=${encodeURIComponent('search.tar')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((u: { username: string }) => u.username)).toEqual(['search.target']);
    expect(byName.body.items[0].lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const byArabicName = await admin.get(`/api/users?q=${encodeURIComponent('موظف search')}`);
    expect(byArabicName.body.items).toHaveLength(1);
    // LIKE wildcards are taken literally.
    expect((await admin.get('/api/users?q=%25')).body.items).toHaveLength(0);
    const committee = await admin.get('/api/users?role=committee');
    expect(committee.body.items.every((u: { role: string }) => u.role === 'committee')).toBe(true);
    expect(committee.body.items.length).toBeGreaterThanOrEqual(2);
    const branch = await admin.get(`/api/users?branchId=${ctx.branchIds.HQ}`);
    expect(branch.body.items.every((u: { branchId: string }) => u.branchId === ctx.branchIds.HQ)).toBe(true);
    const twoStep = await admin.get('/api/users?twoStep=on');
    expect(twoStep.body.items.every((u: { totpEnabled: boolean }) => u.totpEnabled)).toBe(true);
    expect((await admin.get('/api/users?role=king')).status).toBe(400);
    expect((await admin.get('/api/users?branchId=nope')).status).toBe(400);
    expect((await (await signedIn(ctx.app, 'manager')).get('/api/users')).status).toBe(403);
  });

  it('audits an edit with the old and new values', async () => {
    const id = await newUser('edit.me');
    const res = await admin.patch(`/api/users/${id}`, { role: 'committee', totpRequired: true });
    expect(res.status).toBe(200);
    const [row] = await auditRows('user.updated', id);
    expect(row?.details).toEqual({
      before: { role: 'officer', totpRequired: false },
      after: { role: 'committee', totpRequired: true },
    });
  });
});
