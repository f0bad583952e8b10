import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let manager: TestClient;
let admin: TestClient;
let officer: TestClient;
const files: { id: string; fileNumber: string }[] = [];

async function exec(query: string) {
  await ctx.deps.db.execute(sql.raw(query));
}

beforeAll(async () => {
  ctx = await createTestContext();
  [manager, admin, officer] = await signedInAs(ctx.app, ['manager', 'admin', 'officer'] as const);
  for (let i = 0; i < 7; i++) {
    const res = await officer.post('/api/beneficiaries', {
      ...beneficiaryInput(ctx.branchIds.HQ!),
      confirmNotDuplicate: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    files.push(res.body);
  }
  const [a, b, c, d, e, f, g] = files.map((x) => `'${x.id}'`);
  // One file without a pin, one overdue for re-verification, one born in the future, four on one mobile.
  await exec(`update beneficiaries set lat = null, lng = null where id = ${a}`);
  await exec(`update beneficiaries set reverify_due = current_date - 3 where id = ${b}`);
  await exec(`update beneficiaries set birth_date = current_date + 400 where id = ${c}`);
  await exec(`update beneficiaries set mobile = '+966500000777' where id in (${d}, ${e}, ${f}, ${g})`);
});
afterAll(async () => {
  await ctx.close();
});

describe('the data-quality page', () => {
  it('counts each check over live files, with the pending duplicate pairs', async () => {
    const res = await manager.get('/api/data-quality');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const counts = Object.fromEntries(res.body.checks.map((c: { check: string; count: number }) => [c.check, c.count]));
    expect(counts).toEqual({ missing_location: 1, reverify_overdue: 1, implausible_birth_date: 1, shared_mobile: 4 });
    expect(res.body.duplicatesOpen).toBe(0);
    // A merged-away file is not counted.
    await exec(`update beneficiaries set merged_into = '${files[0]!.id}' where id = '${files[6]!.id}'`);
    const after = await admin.get('/api/data-quality');
    const shared = after.body.checks.find((c: { check: string }) => c.check === 'shared_mobile');
    expect(shared.count).toBe(0);
    await exec(`update beneficiaries set merged_into = null where id = '${files[6]!.id}'`);
  });

  it('lists the files of each check', async () => {
    const missing = await manager.get('/api/data-quality/missing_location');
    expect(missing.body).toMatchObject({ check: 'missing_location', total: 1 });
    expect(missing.body.items.map((i: { id: string }) => i.id)).toEqual([files[0]!.id]);
    const born = await manager.get('/api/data-quality/implausible_birth_date');
    expect(born.body.items[0]).toMatchObject({ id: files[2]!.id, fileNumber: files[2]!.fileNumber });
    const shared = await manager.get('/api/data-quality/shared_mobile');
    expect(shared.body.items.map((i: { mobileLocal: string }) => i.mobileLocal)).toEqual(Array(4).fill('050 000 0777'));
    expect((await manager.get('/api/data-quality/no_such_check')).status).toBe(400);
    expect((await manager.get('/api/data-quality/missing_location?page=0')).status).toBe(400);
  });

  it('is for managers and admins', async () => {
    expect((await officer.get('/api/data-quality')).status).toBe(403);
    expect((await officer.get('/api/data-quality/missing_location')).status).toBe(403);
  });
});
