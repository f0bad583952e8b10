import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog } from '../db/tables/index';
import { createTestDatabase } from '../test/harness';
import { writeAuditSoon } from './audit';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(async () => {
  await drop();
});

const actor = { id: null, orgId: null, username: 'auditor' };

async function rowsOf(action: string) {
  return database.db
    .select({ entityId: auditLog.entityId, at: auditLog.at, ip: sql<string>`host(${auditLog.ip})` })
    .from(auditLog)
    .where(eq(auditLog.action, action));
}

describe('audit rows of operations without a transaction (writeAuditSoon)', () => {
  it('writes the rows of requests arriving together in one statement, each caller waiting for its commit', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        writeAuditSoon(database.db, actor, { ip: '10.0.0.1', userAgent: null }, {
          action: 'test.batched',
          entityType: 'test',
          entityId: String(i),
        }),
      ),
    );
    const rows = await rowsOf('test.batched');
    expect(rows.map((r) => Number(r.entityId)).sort((a, b) => a - b)).toEqual([...Array(25).keys()]);
    // now() is the statement's transaction time: one value for all means one INSERT.
    expect(new Set(rows.map((r) => r.at.getTime())).size).toBe(1);
    expect(rows.every((r) => r.ip === '10.0.0.1')).toBe(true);
  });

  it('a row the database refuses fails only its own caller; the others are still written', async () => {
    const results = await Promise.allSettled(
      ['10.0.0.2', 'not-an-address', '10.0.0.3'].map((ip, i) =>
        writeAuditSoon(database.db, actor, { ip, userAgent: null }, { action: 'test.partial', entityId: String(i) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await rowsOf('test.partial');
    expect(rows.map((r) => r.entityId).sort()).toEqual(['0', '2']);
  });

  it('rows written in later turns go in their own statements', async () => {
    await writeAuditSoon(database.db, actor, { ip: null, userAgent: null }, { action: 'test.later', entityId: 'a' });
    await writeAuditSoon(database.db, actor, { ip: null, userAgent: null }, { action: 'test.later', entityId: 'b' });
    const rows = await rowsOf('test.later');
    expect(rows.map((r) => r.entityId).sort()).toEqual(['a', 'b']);
  });
});
