import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { App } from './http/context';
import { seedDemoUsers } from './seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from './seed/organization';
import { seedServices } from './seed/services';
import { beneficiaryInput, uniqueMobile, uniqueNationalId } from './test/factories';
import { createTestDatabase, signedIn, TestClient } from './test/harness';

// Issue 14, finding 2: after provoking each class of error, the log holds no national ID, mobile or name.

const lines: string[] = [];
let app: App;
let drop: () => Promise<void>;
let uploadDir: string;
let branchId: string;

const NATIONAL_ID = uniqueNationalId();
const MOBILE = uniqueMobile();
const MOBILE_E164 = `+966${MOBILE.slice(1)}`;
const NAME = 'عبدالمحسن';
const FAMILY = 'الدوسري';

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  const db = created.database.db;
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-logs-'));
  const config = { ...loadConfig({ NODE_ENV: 'test' }), uploadDir };
  const org = await ensureOrganization(db, FIRST_ORGANIZATION);
  branchId = org.branchIds.HQ!;
  await seedDemoUsers(db, org.orgId, org.branchIds);
  await seedServices(db, org.orgId);
  app = await buildApp({
    config,
    database: created.database,
    logLevel: 'info',
    logStream: { write: (line) => void lines.push(line) },
  });
  // Routes that fail the ways real code can fail, carrying personal values in their errors.
  const personal = `${NATIONAL_ID} ${MOBILE_E164} ${NAME} ${FAMILY}`;
  app.get('/api/test/sql-error', { config: { access: 'public' } }, async () => {
    await db.execute(sql`select ${personal}::int as n, ${NATIONAL_ID}::uuid as id`);
    return {};
  });
  app.get('/api/test/unique-violation', { config: { access: 'public' } }, async () => {
    await db.execute(sql`create temporary table if not exists t_people (nid text primary key, name text)`);
    await db.execute(sql`insert into t_people values (${NATIONAL_ID}, ${NAME}) on conflict do nothing`);
    await db.execute(sql`insert into t_people values (${NATIONAL_ID}, ${FAMILY})`);
    return {};
  });
  app.get('/api/test/plain-error', { config: { access: 'public' } }, async () => {
    throw new Error(`could not process "${NAME} ${FAMILY}" with id ${NATIONAL_ID} and mobile ${MOBILE}`);
  });
  app.get('/api/test/unavailable', { config: { access: 'public' } }, async () => {
    throw Object.assign(new Error(`connect ECONNREFUSED for ${NATIONAL_ID} ${NAME}`), { code: 'ECONNREFUSED' });
  });
  app.get(
    '/api/test/bad-response',
    { config: { access: 'public' }, schema: { response: { 200: z.object({ count: z.number() }) } } },
    async () => ({ count: `${NATIONAL_ID} ${NAME}` }) as unknown as { count: number },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await drop();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe('the log after every class of error', () => {
  it('holds no national ID, mobile or name, yet names each error', async () => {
    const officer = await signedIn(app, 'officer');
    const visitor = new TestClient(app);
    const person = beneficiaryInput(branchId, {
      nationalId: NATIONAL_ID,
      mobile: MOBILE,
      firstName: NAME,
      familyName: FAMILY,
    });

    // 201, then the same person again (409, a domain error naming a duplicate).
    expect((await officer.post('/api/beneficiaries', person)).status).toBe(201);
    expect((await officer.post('/api/beneficiaries', person)).status).toBe(409);
    // Schema errors: a bad field next to personal ones, a control character, a search by national ID and mobile.
    expect((await officer.post('/api/beneficiaries', { ...person, gender: 'x' })).status).toBe(400);
    expect((await officer.post('/api/beneficiaries', { ...person, firstName: `${NAME}\u0000` })).status).toBe(400);
    expect((await officer.get(`/api/beneficiaries?q=${NATIONAL_ID}`)).status).toBe(200);
    expect((await officer.get(`/api/beneficiaries?q=${encodeURIComponent(`${NAME}\u0000`)}`)).status).toBe(400);
    // Malformed JSON and multipart bodies, a sign-in with a name as the username.
    expect(
      (
        await officer.request('POST', '/api/beneficiaries', `{"nationalId":"${NATIONAL_ID}",`, {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(400);
    const upload = await app.inject({
      method: 'POST',
      url: '/api/beneficiaries/00000000-0000-4000-8000-000000000000/documents',
      headers: {
        'content-type': 'multipart/form-data; boundary=xyz',
        cookie: officer.cookie!,
        'x-csrf-token': officer.csrfToken!,
      },
      payload: `--xyz\r\nContent-Disposition: form-data; name="file"; filename="${NATIONAL_ID}.pdf"\r\n`,
    });
    expect(upload.statusCode).toBeLessThan(500);
    expect((await visitor.post('/api/auth/login', { username: NAME, password: NATIONAL_ID })).status).toBe(401);
    // The portal: a complaint with a name and mobile, and a tracking request for a reference.
    await visitor.post('/api/portal/cases', {
      kind: 'complaint',
      subject: `شكوى ${NAME}`,
      description: `من ${NAME} ${FAMILY} ${NATIONAL_ID}`,
      name: `${NAME} ${FAMILY}`,
      mobile: MOBILE,
    });
    // Server errors: a failed query, a unique violation, a plain error quoting input, an unreachable
    // database, an answer that does not match its schema.
    expect((await visitor.get('/api/test/sql-error')).status).toBe(500);
    expect((await visitor.get('/api/test/unique-violation')).status).toBe(500);
    expect((await visitor.get('/api/test/plain-error')).status).toBe(500);
    expect((await visitor.get('/api/test/unavailable')).status).toBe(503);
    expect((await visitor.get('/api/test/bad-response')).status).toBe(500);
    // The job scheduler logs its failures through the same logger.
    try {
      await (app as unknown as { log: { error: (o: unknown, m: string) => void } }).log.error(
        { err: Object.assign(new Error(`job failed for ${NATIONAL_ID}`), { detail: `Key (nid)=(${NATIONAL_ID})` }) },
        'job failed',
      );
    } catch {
      // logging never throws
    }

    const log = lines.join('');
    const entries = lines.map((l) => JSON.parse(l) as { msg?: string; err?: { type?: string; code?: string } });
    const errors = entries.filter((e) => e.err);
    // Each server error is logged, by type and code.
    expect(errors.length).toBeGreaterThanOrEqual(6);
    expect(errors.some((e) => e.err?.type === 'DrizzleQueryError')).toBe(true);
    expect(errors.some((e) => e.err?.code === 'ECONNREFUSED' || e.msg === 'database.unavailable')).toBe(true);
    expect(errors.some((e) => /23505/.test(JSON.stringify(e.err)))).toBe(true);
    // … and nothing personal anywhere in the log.
    for (const secret of [NATIONAL_ID, MOBILE, MOBILE_E164, MOBILE.slice(1), NAME, FAMILY]) {
      expect(log.includes(secret), `the log holds ${secret}`).toBe(false);
    }
    expect(log).not.toMatch(/params:\s*\S/);
    expect(log).not.toMatch(/Key \(/);
  });
});
