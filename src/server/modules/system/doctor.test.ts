import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { users } from '../../db/tables/index';
import { seedDemoUsers } from '../../seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../../seed/organization';
import { createTestDatabase } from '../../test/harness';
import { hashPassword } from '../auth/passwords';
import { checkEnvironment, checkInstallation, formatFindings } from './doctor';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-doctor-'));
/** What a careful operator sets: every check passes. */
const GOOD = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://wasl@127.0.0.1:5432/wasl',
  DATA_DIR: dir,
  PUBLIC_URL: 'https://wasl.example.org',
  TRUST_PROXY: '1',
  UNIFONIC_APP_SID: 'sid',
  SMS_WEBHOOK_SECRET: 'secret',
  BACKUP_DIR: path.join(dir, '..', 'wasl-doctor-backups'),
};

function errorsOf(env: NodeJS.ProcessEnv): string[] {
  return checkEnvironment(env)
    .findings.filter((f) => f.level === 'error')
    .map((f) => f.topic);
}

describe('npm run doctor', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(GOOD.BACKUP_DIR, { recursive: true, force: true });
  });

  it('finds nothing wrong with a careful production configuration', () => {
    expect(errorsOf(GOOD)).toEqual([]);
    expect(formatFindings(checkEnvironment(GOOD).findings)).toContain('Ready for production');
  });

  it('names each setting that would break or endanger production', () => {
    expect(errorsOf({ ...GOOD, NODE_ENV: 'development' })).toEqual(['NODE_ENV']);
    expect(errorsOf({ ...GOOD, PUBLIC_URL: undefined })).toEqual(['PUBLIC_URL']);
    expect(errorsOf({ ...GOOD, PUBLIC_URL: 'http://wasl.example.org' })).toEqual(['PUBLIC_URL']);
    expect(errorsOf({ ...GOOD, TRUST_PROXY: undefined })).toEqual(['TRUST_PROXY']);
    expect(errorsOf({ ...GOOD, NOTIFY_MODE: 'demo' })).toEqual(['NOTIFY_MODE']);
    expect(errorsOf({ ...GOOD, UNIFONIC_APP_SID: undefined })).toEqual(['providers']);
    expect(errorsOf({ ...GOOD, BACKUP_INTERVAL_HOURS: '0' })).toEqual(['BACKUP_INTERVAL_HOURS']);
    expect(errorsOf({ ...GOOD, PORT: 'eighty' })).toEqual(['PORT']);
    const text = formatFindings(checkEnvironment({ ...GOOD, TRUST_PROXY: undefined }).findings);
    expect(text).toMatch(/^✗ TRUST_PROXY: /);
    expect(text).toContain('1 problem(s) would break or endanger production');
  });

  it('warns about what works but is risky', () => {
    const warnings = (env: NodeJS.ProcessEnv) =>
      checkEnvironment(env)
        .findings.filter((f) => f.level === 'warning')
        .map((f) => f.topic);
    expect(warnings({ ...GOOD, DATABASE_URL: 'postgres://wasl@db.example.org/wasl' })).toEqual(['DATABASE_URL']);
    expect(warnings({ ...GOOD, SMS_WEBHOOK_SECRET: undefined })).toEqual(['SMS_WEBHOOK_SECRET']);
    expect(warnings({ ...GOOD, DATABASE_URL: undefined, BACKUP_DIR: undefined })).toEqual(['BACKUP_DIR']);
    expect(warnings({ ...GOOD, HOST: '0.0.0.0' })).toEqual(['HOST']);
    expect(warnings({ ...GOOD, SESSION_CACHE_MS: '2000' })).toEqual(['SESSION_CACHE_MS']);
  });

  it('finds accounts that still sign in with the demo password, and a missing association', async () => {
    const { config } = checkEnvironment(GOOD);
    const none = await checkInstallation(config!, database.db);
    expect(none.filter((f) => f.level === 'error').map((f) => f.topic)).toEqual(['ORG_SLUG']);

    const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
    await seedDemoUsers(database.db, orgId, branchIds);
    const demo = await checkInstallation({ ...config!, orgSlug: FIRST_ORGANIZATION.slug }, database.db);
    const found = demo.find((f) => f.topic === 'demo users')!;
    expect(found.level).toBe('error');
    expect(found.message).toContain('admin, manager');

    // Changed passwords and disabled accounts are no longer a finding.
    const hash = await hashPassword('a long private passphrase');
    await database.db.update(users).set({ passwordHash: hash }).where(eq(users.role, 'admin'));
    await database.db.update(users).set({ disabled: true }).where(eq(users.username, 'manager'));
    const later = await checkInstallation({ ...config!, orgSlug: FIRST_ORGANIZATION.slug }, database.db);
    const message = later.find((f) => f.topic === 'demo users')!.message;
    expect(message).not.toContain('admin');
    expect(message).not.toContain('manager');
    expect(message).toContain('officer');
  });

  it('the command exits non-zero on a configuration that would break production, zero on a sound one', async () => {
    const run = promisify(execFile);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const bad = await run('npx', ['tsx', 'scripts/doctor.ts'], { env: { ...env, NODE_ENV: 'production' } }).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stdout).toContain('PUBLIC_URL');
    const good = await run('npx', ['tsx', 'scripts/doctor.ts'], {
      env: { ...env, ...GOOD, DATABASE_URL: undefined, DATA_DIR: path.join(dir, 'fresh') },
    });
    expect(good.stdout).toContain('Ready for production');
  }, 60_000);
});
