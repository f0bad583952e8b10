import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signedIn, TestClient, type TestContext } from '../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ trustProxy: true });
});
afterAll(async () => {
  await ctx.close();
});

async function userCount() {
  const result = await ctx.deps.db.execute(sql`select count(*)::int as n from users`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

describe('bad input gets a 4xx with a stable code, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('request.malformed_json');
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('wrong types and unknown fields, with field details in Arabic by default and English on request', async () => {
    const ar = await new TestClient(ctx.app).post('/api/auth/login', { username: 5, password: 'x', role: 'admin' });
    expect(ar.status).toBe(400);
    expect(ar.body.code).toBe('request.validation');
    expect(ar.body.message).toMatch(/[\u0600-\u06FF]/);
    const fields = ar.body.details.map((d: { field: string; issue: string }) => `${d.field}:${d.issue}`);
    expect(fields).toContain('username:invalid_type');
    expect(fields).toContain(':unrecognized_keys');
    const en = await new TestClient(ctx.app, { 'accept-language': 'en-US,en;q=0.9' }).post('/api/auth/login', {});
    expect(en.status).toBe(400);
    expect(en.body.message).toMatch(/not valid/);
    expect(en.body.details[0].message).toBe('This field is required.');
  });

  it('oversized bodies', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    const before = await userCount();
    const res = await admin.post('/api/users', {
      username: 'big.one',
      displayName: 'x'.repeat(2 * 1024 * 1024),
      password: 'long-enough-pass',
      role: 'officer',
      branchId: null,
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('request.too_large');
    expect(await userCount()).toBe(before);
  });

  it('unsupported content type', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
  });

  it('mass assignment: privileged fields in a body are refused, nothing written', async () => {
    const officer = await signedIn(ctx.app, 'officer');
    const res = await officer.patch('/api/me/preferences', { digits: 'latn', role: 'admin' });
    expect(res.status).toBe(400);
    const proto = await officer.request(
      'PATCH',
      '/api/me/preferences',
      '{"digits":"latn","__proto__":{"role":"admin"}}',
      {
        'content-type': 'application/json',
      },
    );
    expect(proto.status).toBe(400);
    const session = await officer.get('/api/auth/session');
    expect(session.body.user.role).toBe('officer');
    expect(session.body.user.preferences.digits).toBe('arab');
  });

  it('a duplicate username is a 409, and invalid values name their field', async () => {
    const admin = await signedIn(ctx.app, 'admin');
    const dup = await admin.post('/api/users', {
      username: 'officer',
      displayName: 'نسخة',
      password: 'long-enough-pass',
      role: 'officer',
      branchId: null,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('user.username_taken');
    const bad = await admin.post('/api/users', {
      username: 'Bad Name!',
      displayName: 'س',
      password: 'long-enough-pass',
      role: 'king',
      branchId: 'not-a-uuid',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['branchId', 'displayName', 'role', 'username']);
  });

  it('unknown API paths are 404 JSON, unknown ids are 404 with a code', async () => {
    const res = await new TestClient(ctx.app).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('request.not_found');
    const admin = await signedIn(ctx.app, 'admin');
    const missing = await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: 'اسم جديد' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('user.not_found');
  });
});

describe('security headers', () => {
  it('sets CSP, nosniff, referrer policy, frame-ancestors and no-store on API answers', async () => {
    const officer = await signedIn(ctx.app, 'officer');
    const res = await officer.get('/api/auth/session');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('behind HTTPS (trusted proxy) the cookie is Secure with the __Host- prefix', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'manager', password: 'wasl-demo-2026' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === '__Host-wasl_sid');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
    expect(res.cookies.find((c) => c.name === 'wasl_sid')).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('describes the routes from their schemas', async () => {
    const res = await new TestClient(ctx.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/health']),
    );
    expect(res.body.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });
});
