import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { type Database, openServer } from './db/client';
import { jobLeases, notifications } from './db/tables/index';
import type { App } from './http/context';
import { type Job, startScheduler } from './jobs/scheduler';
import { enqueueNotification } from './modules/notifications/outbox';
import type { Providers } from './modules/notifications/providers/index';
import type { OutgoingMessage, Provider } from './modules/notifications/providers/types';
import { runOutboxOnce } from './modules/notifications/worker';
import { seedDemoUsers } from './seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from './seed/organization';
import { createTestDatabase, signedIn, TestClient } from './test/harness';

// Several app instances on one PostgreSQL database (issue 20): two apps, each with its own connection pool, as two
// processes behind a load balancer would have. Runs in the postgres project only (vitest.config.ts).

let database: Database;
let drop: () => Promise<void>;
let second: Database;
let a: App;
let b: App;
let config: Config;
let orgId: string;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  second = await openServer(database.url!, 4);
  ({ orgId } = await (async () => {
    const org = await ensureOrganization(database.db, FIRST_ORGANIZATION);
    await seedDemoUsers(database.db, org.orgId, org.branchIds);
    return org;
  })());
  // What an instance on a server reads: DATABASE_URL set, so no per-process session cache.
  config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
  a = await buildApp({ config, database });
  b = await buildApp({ config, database: second });
  await Promise.all([a.ready(), b.ready()]);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await second.close();
  await drop();
});

/** The same browser (cookie, CSRF token) talking to another instance. */
function sameBrowserOn(app: App, client: TestClient): TestClient {
  const other = new TestClient(app);
  other.cookie = client.cookie;
  other.csrfToken = client.csrfToken;
  return other;
}

describe('two app instances on one database', () => {
  it('a session made on one instance works on the other, and signing out on either ends it on both', async () => {
    expect(config.session.cacheMs).toBe(0);
    const onA = await signedIn(a, 'officer');
    const onB = sameBrowserOn(b, onA);
    const session = await onB.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.username).toBe('officer');
    expect((await onB.get('/api/beneficiaries')).status).toBe(200);
    expect((await onB.post('/api/auth/logout')).status).toBeLessThan(300);
    expect((await onA.get('/api/beneficiaries')).status).toBe(401);
  });

  it('a rate limit counts the requests both instances answered', async () => {
    const statuses: number[] = [];
    // The portal's application route allows 10 requests per address in ten minutes.
    for (let i = 0; i < 12; i++) {
      const res = await (i % 2 === 0 ? a : b).inject({ method: 'POST', url: '/api/portal/applications', payload: {} });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('each scheduled job runs once per period across both instances', async () => {
    const runs: { at: number; by: string }[] = [];
    const job = (by: string): Job => ({
      name: 'test-once-per-period',
      everyMs: 400,
      run: async () => {
        runs.push({ at: Date.now(), by });
      },
    });
    const log = () => {};
    const deps = (db: Database) => ({ config, database: db, db: db.db });
    const stopA = startScheduler(deps(database), log, [job('a')]);
    const stopB = startScheduler(deps(second), log, [job('b')]);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 4_200));
    stopA();
    stopB();
    const elapsed = Date.now() - started;
    // Each instance's timer fired about ten times; without the claim there would be about twenty runs.
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsed / 360) + 1);
    const gaps = runs.slice(1).map((r, i) => r.at - runs[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
    const lease = await database.db.select().from(jobLeases).where(eq(jobLeases.name, 'test-once-per-period'));
    expect(lease).toHaveLength(1);
  });

  it('the outbox sends each message once while both instances work on it', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 40; i++) {
      const key = `instances-${i}`;
      keys.push(key);
      await enqueueNotification(database.db, {
        orgId,
        channel: 'sms',
        recipient: `+9665000${String(10_000 + i)}`,
        templateKey: 'otp',
        variables: { code: '123456', minutes: '10' },
        idempotencyKey: key,
      });
    }
    const sent: string[] = [];
    const provider: Provider = {
      channel: 'sms',
      name: 'counting',
      send: async (m: OutgoingMessage) => {
        sent.push(m.idempotencyKey);
        // A provider that takes a moment, so the two workers overlap.
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { providerMessageId: `p-${m.idempotencyKey}` };
      },
    };
    const providers: Providers = { sms: provider, whatsapp: null, email: null };
    const worker = async (db: Database) => {
      for (let pass = 0; pass < 10; pass++) await runOutboxOnce(db.db, providers, { limit: 5 });
    };
    await Promise.all([worker(database), worker(second)]);
    expect(sent.slice().sort()).toEqual(keys.slice().sort());
    const rows = await database.db
      .select({ status: notifications.status })
      .from(notifications)
      .where(inArray(notifications.idempotencyKey, keys));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});
