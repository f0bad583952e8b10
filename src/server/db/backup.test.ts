import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../test/factories';
import { raiseToCommittee } from '../test/flows';
import { createTestContext, createTestDatabase, signedInAs, type TestContext } from '../test/harness';
import { backupEmbedded, backupServer, fingerprint, restoreEmbedded, restoreServer } from './backup';
import { openEmbedded } from './client';

let ctx: TestContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-backup-'));
beforeAll(async () => {
  ctx = await createTestContext();
  const [officer] = await signedInAs(ctx.app, ['officer'] as const);
  const services = (await officer.get('/api/services')).body.items;
  await officer.post(
    '/api/beneficiaries',
    beneficiaryInput(ctx.branchIds.HQ!, { firstName: 'عبدالله', familyName: 'الشمري' }),
  );
  await raiseToCommittee(officer, ctx.branchIds.HQ!, [services[0].id]);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into a fresh database with every table’s row count and content hash equal', async () => {
    const before = await fingerprint(ctx.deps.db);
    expect(before.beneficiaries!.rows).toBeGreaterThan(0);
    expect(before.audit_log!.rows).toBeGreaterThan(0);
    const database = ctx.deps.database;
    if (database.kind === 'embedded') {
      const file = path.join(dir, 'wasl.tar.gz');
      await backupEmbedded(database.pglite!, file);
      const restored = await restoreEmbedded(file, path.join(dir, 'restored'));
      await restored.close();
      const reopened = await openEmbedded(path.join(dir, 'restored'));
      expect(await fingerprint(reopened.db)).toEqual(before);
      await reopened.close();
    } else {
      const file = path.join(dir, 'wasl.dump');
      await backupServer(database.url!, file);
      const target = await createEmptyServerDatabase();
      await restoreServer(file, target.database.url!);
      expect(await fingerprint(target.database.db)).toEqual(before);
      await target.drop();
    }
  });
});

/** A fresh database on the server without migrations: the restore brings the schema. */
async function createEmptyServerDatabase() {
  const made = await createTestDatabase({ migrate: false });
  return made;
}
