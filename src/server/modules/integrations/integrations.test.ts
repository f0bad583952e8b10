import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog, beneficiaries, notifications } from '../../db/tables/index';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedIn, TestClient, type TestContext } from '../../test/harness';
import { buildProviders } from '../notifications/providers/index';
import { backoffMs, runOutboxOnce } from '../notifications/worker';
import { verifyWebhook } from './signature';
import { allowedWebhookUrl } from './subscribe-webhook';
import { tokenHashOf } from './token-secret';

let ctx: TestContext;
let admin: TestClient;
let officer: TestClient;

type Received = { headers: http.IncomingHttpHeaders; body: string };
/** A receiver: answers each request with the next status of `answers` (then 200), and keeps what arrived. */
function receiver() {
  const got: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  return {
    got,
    answers,
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx.app, 'admin');
  officer = await signedIn(ctx.app, 'officer');
});
afterAll(async () => {
  await ctx?.close();
});

async function makeToken(body: Record<string, unknown>) {
  const res = await admin.post('/api/integrations/tokens', { name: 'نظام المحاسبة', ...body });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; token: string };
}
const bearer = (token: string) => new TestClient(ctx.app, { authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('is shown once, stored hashed, works without CSRF, and everything it does is audited under its name', async () => {
    const made = await makeToken({ scopes: { modules: { beneficiaries: 'write' }, personal: true } });
    expect(made.token).toMatch(/^wasl_[\w-]{43}$/);
    const [row] = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
    expect(row!.tokenHash).toBe(tokenHashOf(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const list = await admin.get('/api/integrations/tokens');
    expect(JSON.stringify(list.body)).not.toContain(made.token);
    expect(list.body.items[0].lastUsedAt).toBeNull();

    const client = bearer(made.token);
    const input = beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true });
    const created = await client.post('/api/beneficiaries', input);
    expect(created.status).toBe(201);
    const [b] = await ctx.deps.db.select().from(beneficiaries).where(eq(beneficiaries.id, created.body.id));
    expect(b!.createdBy).toBe((await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.id, made.id)))[0]!.userId);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorUsername, 'integration:نظام المحاسبة'));
    expect(audit.map((a) => a.action).sort()).toEqual(['api_token.request', 'beneficiary.created']);
    expect(audit.find((a) => a.action === 'api_token.request')!.details).toEqual({
      method: 'POST',
      route: '/api/beneficiaries',
      status: 201,
    });
    expect((await admin.get('/api/integrations/tokens')).body.items[0].lastUsedAt).not.toBeNull();
    // The token's own account is no staff member.
    const staff = await admin.get('/api/users');
    expect(JSON.stringify(staff.body)).not.toContain('integration:');
  });

  it('a revoked or expired token is refused (401), and so is a malformed one', async () => {
    const made = await makeToken({ scopes: { modules: { services: 'read' }, personal: false } });
    expect((await bearer(made.token).get('/api/services')).status).toBe(200);
    expect((await admin.post(`/api/integrations/tokens/${made.id}/revoke`)).status).toBe(204);
    const after = await bearer(made.token).get('/api/services');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('auth.token_invalid');

    const soon = await makeToken({
      scopes: { modules: { services: 'read' }, personal: false },
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect((await bearer(soon.token).get('/api/services')).status).toBe(200);
    await ctx.deps.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, soon.id));
    expect((await bearer(soon.token).get('/api/services')).status).toBe(401);

    expect((await bearer('wasl_not-a-real-token-at-all-000000').get('/api/services')).status).toBe(401);
    const past = await admin.post('/api/integrations/tokens', {
      name: 'قديم',
      scopes: { modules: { services: 'read' }, personal: false },
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('integration.expiry_in_past');
    const none = await admin.post('/api/integrations/tokens', {
      name: 'بلا صلاحية',
      scopes: { modules: {}, personal: false },
    });
    expect(none.body.code).toBe('integration.no_scope');
  });

  it('a cookie-only route refuses a bearer, a bearer-only route refuses a session, and neither passes for the other', async () => {
    const made = await makeToken({ scopes: { modules: { beneficiaries: 'read' }, personal: true } });
    const client = bearer(made.token);
    const session = await client.get('/api/auth/session');
    expect([session.status, session.body.code]).toEqual([403, 'auth.forbidden']);
    const self = await client.get('/api/integrations/token');
    expect(self.status).toBe(200);
    expect(self.body.actions).toContain('beneficiaries.read');
    const byCookie = await officer.get('/api/integrations/token');
    expect([byCookie.status, byCookie.body.code]).toEqual([403, 'auth.forbidden']);
    // The token in the session cookie is no session; the session cookie's value as a bearer is no token.
    const asCookie = new TestClient(ctx.app, { cookie: `wasl_sid=${made.token}` });
    expect((await asCookie.get('/api/beneficiaries')).status).toBe(401);
    const sid = officer.cookie!.split('=')[1]!;
    expect((await bearer(sid).get('/api/beneficiaries')).status).toBe(401);
    // With both, the bearer alone counts: the officer's session adds nothing to a read-only token.
    const both = new TestClient(ctx.app, { authorization: `Bearer ${made.token}`, cookie: officer.cookie! });
    const write = await both.post('/api/cases', {}, { 'x-csrf-token': officer.csrfToken! });
    expect([write.status, write.body.code]).toEqual([403, 'auth.forbidden']);
  });

  it('personal data only with the personal scope', async () => {
    const input = beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true });
    const created = await officer.post('/api/beneficiaries', input);
    const plain = bearer((await makeToken({ scopes: { modules: { beneficiaries: 'read' }, personal: false } })).token);
    const full = bearer((await makeToken({ scopes: { modules: { beneficiaries: 'read' }, personal: true } })).token);
    const a = await plain.get(`/api/beneficiaries/${created.body.id}`);
    const b = await full.get(`/api/beneficiaries/${created.body.id}`);
    expect([a.status, a.body.code]).toEqual([403, 'auth.forbidden']);
    expect((await plain.get(`/api/beneficiaries?q=${input.nationalId}`)).status).toBe(403);
    expect(b.status).toBe(200);
    expect(JSON.stringify(b.body)).toContain(input.nationalId);
  });

  it('only an admin manages tokens', async () => {
    const res = await officer.get('/api/integrations/tokens');
    expect(res.status).toBe(403);
  });
});

describe('outgoing webhooks', () => {
  const hook = receiver();
  let url: string;
  beforeAll(async () => {
    url = await hook.start();
  });
  afterAll(async () => {
    await hook.stop();
  });
  const providers = () => buildProviders(ctx.config);

  it('only https in production; http elsewhere', () => {
    expect(allowedWebhookUrl('http://example.org/h', 'production')).toBe(false);
    expect(allowedWebhookUrl('https://example.org/h', 'production')).toBe(true);
    expect(allowedWebhookUrl('http://127.0.0.1:9/h', 'test')).toBe(true);
    expect(allowedWebhookUrl('ftp://example.org/h', 'test')).toBe(false);
    expect(allowedWebhookUrl('https://user:pw@example.org/h', 'test')).toBe(false);
  });

  it('a signed delivery reaches the receiver, a 500 is retried after the backoff, a 2xx is never sent again, an old timestamp is refused', async () => {
    const sub = await admin.post('/api/integrations/webhooks', {
      name: 'نظام المتابعة',
      url,
      events: ['beneficiary.enrolled', 'case.opened'],
    });
    expect(sub.status).toBe(201);
    const secret = sub.body.secret as string;
    expect(JSON.stringify((await admin.get('/api/integrations/webhooks')).body)).not.toContain(secret);

    const input = beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true });
    const created = await officer.post('/api/beneficiaries', input);
    expect(created.status).toBe(201);

    hook.answers.push(500);
    const t0 = new Date();
    const first = await runOutboxOnce(ctx.deps.db, providers(), { now: t0 });
    expect(first.failed).toBe(1);
    expect(hook.got).toHaveLength(1);
    // Not due again before its backoff …
    await runOutboxOnce(ctx.deps.db, providers(), { now: new Date(t0.getTime() + 1000) });
    expect(hook.got).toHaveLength(1);
    // … then sent again, and delivered.
    const t1 = new Date(t0.getTime() + backoffMs(1) + 1000);
    const second = await runOutboxOnce(ctx.deps.db, providers(), { now: t1 });
    expect(second.sent).toBe(1);
    expect(hook.got).toHaveLength(2);
    const third = await runOutboxOnce(ctx.deps.db, providers(), { now: new Date(t1.getTime() + 3_600_000) });
    expect(third.sent).toBe(0);
    expect(hook.got).toHaveLength(2);

    const delivered = hook.got[1]!;
    const event = JSON.parse(delivered.body);
    expect(event.type).toBe('beneficiary.enrolled');
    expect(event.data.beneficiaryId).toBe(created.body.id);
    // Ids, no personal data.
    expect(delivered.body).not.toContain(input.nationalId);
    expect(delivered.body).not.toContain(input.mobile);
    expect(delivered.headers['wasl-event-id']).toBe(event.id);
    expect(hook.got[0]!.headers['wasl-event-id']).toBe(event.id);
    const signature = String(delivered.headers['wasl-signature']);
    expect(verifyWebhook(secret, delivered.body, signature, t1)).toEqual({ ok: true });
    expect(verifyWebhook(secret, `${delivered.body} `, signature, t1)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook('whsec_other', delivered.body, signature, t1)).toEqual({ ok: false, reason: 'bad_signature' });
    // A captured delivery replayed ten minutes later fails the receiver's time check.
    expect(verifyWebhook(secret, delivered.body, signature, new Date(t1.getTime() + 600_000))).toEqual({
      ok: false,
      reason: 'too_old',
    });

    // The delivery log shows both attempts; "send again" queues a new delivery of the same event.
    const log = await admin.get(`/api/integrations/webhooks/${sub.body.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0].status).toBe('sent');
    expect(log.body.items[0].tries.map((t: { statusCode: number }) => t.statusCode)).toEqual([500, 200]);
    const again = await admin.post(`/api/integrations/deliveries/${log.body.items[0].id}/resend`);
    expect(again.status).toBe(201);
    await runOutboxOnce(ctx.deps.db, providers(), { now: new Date(t1.getTime() + 3_700_000) });
    expect(hook.got).toHaveLength(3);
    expect(hook.got[2]!.headers['wasl-event-id']).toBe(event.id);
    expect(hook.got[2]!.headers['wasl-delivery-id']).toBe(again.body.id);

    // A switched-off subscription gets nothing more.
    expect((await admin.post(`/api/integrations/webhooks/${sub.body.id}/disable`)).status).toBe(204);
    await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true }));
    const queued = await ctx.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.channel, 'webhook'), eq(notifications.status, 'queued')));
    expect(queued).toEqual([]);
  });

  it('an http URL is refused in production with a translated error', async () => {
    const prod = await createTestContext({ env: 'production' });
    try {
      const prodAdmin = await signedIn(prod.app, 'admin');
      const res = await prodAdmin.post('/api/integrations/webhooks', {
        name: 'غير آمن',
        url: 'http://example.org/h',
        events: ['case.opened'],
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('integration.insecure_url');
      expect(res.body.message).toMatch(/https/);
    } finally {
      await prod.close();
    }
  });
});
