import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type Database, migrateDatabase, openEmbedded, openServer } from '../db/client';
import type { App, Deps } from '../http/context';
import { seedDemoCommittee } from '../seed/demo-committee';
import { DEMO_PASSWORD, seedDemoUsers } from '../seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../seed/organization';
import { seedServices } from '../seed/services';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A throwaway database for one test file: in-memory PGlite, or a fresh database on the PostgreSQL server
 * (WASL_TEST_DB=postgres), created from TEST_DATABASE_URL and dropped afterwards.
 */
export async function createTestDatabase(
  opts: { migrate?: boolean } = {},
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (process.env.WASL_TEST_DB !== 'postgres') {
    const database = await openEmbedded(undefined);
    if (opts.migrate !== false) await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const name = `wasl_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openServer(url.toString(), 4);
  if (opts.migrate !== false) await migrateDatabase(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export type TestContext = {
  app: App;
  deps: Deps;
  config: Config;
  orgId: string;
  branchIds: Record<string, string>;
  close: () => Promise<void>;
};

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, drop } = await createTestDatabase();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-uploads-'));
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-backups-'));
  const backup = { dir: backupDir, intervalMs: 0, keep: 3 };
  const config = { ...loadConfig({ NODE_ENV: 'test' }), uploadDir, backup, ...overrides };
  const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
  await seedDemoUsers(database.db, orgId, branchIds);
  // As the demo: three committee members and a quorum of two.
  await seedDemoCommittee(database.db, orgId);
  await seedServices(database.db, orgId);
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    deps: { config, database, db: database.db },
    config,
    orgId,
    branchIds,
    close: async () => {
      await app.close();
      await drop();
      fs.rmSync(uploadDir, { recursive: true, force: true });
      fs.rmSync(backupDir, { recursive: true, force: true });
    },
  };
}

export type InjectResult = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers and assert on their shape
  body: any;
  headers: Record<string, unknown>;
  cookies: { name: string; value: string }[];
};

/** A signed-in (or anonymous) caller that keeps its cookie and CSRF token like a browser would. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(
    private readonly app: App,
    public headers: Record<string, string> = {},
  ) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<InjectResult> {
    const headers: Record<string, string> = { ...this.headers, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in extraHeaders))
      headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    const sid = response.cookies.find((c) => c.name === 'wasl_sid');
    if (sid) this.cookie = sid.value ? `wasl_sid=${sid.value}` : null;
    let parsed: unknown = null;
    try {
      parsed = response.body ? JSON.parse(response.body) : null;
    } catch {
      parsed = response.body;
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrfToken = String(parsed.csrfToken);
    return { status: response.statusCode, body: parsed, headers: response.headers, cookies: response.cookies };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body ?? {}, headers);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  async login(username: string, password = DEMO_PASSWORD, totp?: string): Promise<InjectResult> {
    return this.post('/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
  }
}

export async function signedIn(app: App, username: string): Promise<TestClient> {
  const client = new TestClient(app);
  const result = await client.login(username);
  if (result.status !== 200)
    throw new Error(`login as ${username} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return client;
}

/** Signs several users in at once; the result has one client per name, in order. */
export async function signedInAs<const T extends readonly string[]>(
  app: App,
  names: T,
): Promise<{ [K in keyof T]: TestClient }> {
  return (await Promise.all(names.map((name) => signedIn(app, name)))) as { [K in keyof T]: TestClient };
}
