import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, DUPLICATE_WEIGHTS } from '../../../common/domain/duplicates';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { sweepDuplicates } from './duplicate-sweep';

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let officer: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, manager, officer] = await signedInAs(ctx.app, ['admin', 'manager', 'officer'] as const);
  // Two files sharing a mobile and a birth year, with different names: 40 + 15 = 55 by the default rules.
  const first = beneficiaryInput(ctx.branchIds.HQ!, { firstName: 'سالم', familyName: 'العنزي' });
  const second = beneficiaryInput(ctx.branchIds.HQ!, {
    firstName: 'مريم',
    familyName: 'الشمري',
    mobile: first.mobile,
    birthDate: first.birthDate,
    gender: 'female',
    location: null,
  });
  expect((await officer.post('/api/beneficiaries', first)).status).toBe(201);
  const res = await officer.post('/api/beneficiaries', { ...second, confirmNotDuplicate: true });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
});
afterAll(async () => {
  await ctx.close();
});

async function rows(query: string) {
  const result = await ctx.deps.db.execute(sql.raw(query));
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

describe('tuning the duplicate rules', () => {
  it('starts from the defaults, for the admin only', async () => {
    const res = await admin.get('/api/duplicate-rules');
    expect(res.status).toBe(200);
    expect(res.body.rules).toEqual({ weights: DUPLICATE_WEIGHTS, threshold: DUPLICATE_THRESHOLD });
    expect(res.body.defaults).toEqual(res.body.rules);
    expect((await manager.get('/api/duplicate-rules')).status).toBe(403);
    expect((await officer.patch('/api/duplicate-rules', res.body.rules)).status).toBe(403);
  });

  it('refuses weights and thresholds out of range, and unknown rules, writing nothing', async () => {
    const bad = [
      { weights: { ...DUPLICATE_WEIGHTS, same_mobile: 101 }, threshold: 50 },
      { weights: { ...DUPLICATE_WEIGHTS, same_mobile: -1 }, threshold: 50 },
      { weights: { ...DUPLICATE_WEIGHTS, same_mobile: 2.5 }, threshold: 50 },
      { weights: DUPLICATE_WEIGHTS, threshold: 5 },
      { weights: DUPLICATE_WEIGHTS, threshold: 101 },
      { weights: { ...DUPLICATE_WEIGHTS, same_shoe_size: 10 }, threshold: 50 },
      { weights: { same_mobile: 40 }, threshold: 50 },
    ];
    for (const body of bad) {
      const res = await admin.patch('/api/duplicate-rules', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toBeTruthy();
    }
    expect(await rows('select * from duplicate_rule_settings')).toHaveLength(0);
  });

  it('previews how many pairs tuned rules would find, then saves them with an audited before and after', async () => {
    const defaults = { weights: DUPLICATE_WEIGHTS, threshold: DUPLICATE_THRESHOLD };
    const withDefaults = await admin.post('/api/duplicate-rules/preview', defaults);
    expect(withDefaults.status).toBe(200);
    expect(withDefaults.body.pairs).toBeGreaterThanOrEqual(1);
    // The same mobile no longer counts: the pair of different names scores 15 and is not found.
    const tuned = { weights: { ...DUPLICATE_WEIGHTS, same_mobile: 0 }, threshold: 60 };
    const preview = await admin.post('/api/duplicate-rules/preview', tuned);
    expect(preview.body.pairs).toBe(withDefaults.body.pairs - 1);
    expect(await rows('select * from duplicate_rule_settings')).toHaveLength(0);

    const saved = await admin.patch('/api/duplicate-rules', tuned);
    expect(saved.status).toBe(200);
    expect(saved.body.rules).toEqual(tuned);
    expect((await admin.get('/api/duplicate-rules')).body.rules).toEqual(tuned);
    const audit = await rows(
      "select details from audit_log where action = 'duplicates.rules_updated' order by at desc limit 1",
    );
    expect(audit[0]!.details).toEqual({
      before: { same_mobile: 40, threshold: 50 },
      after: { same_mobile: 0, threshold: 60 },
    });
    // Saving the same rules again changes nothing and writes no audit row.
    await admin.patch('/api/duplicate-rules', tuned);
    expect(await rows("select id from audit_log where action = 'duplicates.rules_updated'")).toHaveLength(1);
  });

  it('the sweep uses the saved rules', async () => {
    const orgId = String((await rows('select id from organizations limit 1'))[0]!.id);
    const tuned = await sweepDuplicates(ctx.deps.db, orgId, 'sweep');
    expect(tuned.added).toBe(0);
    await admin.patch('/api/duplicate-rules', { weights: DUPLICATE_WEIGHTS, threshold: DUPLICATE_THRESHOLD });
    const restored = await sweepDuplicates(ctx.deps.db, orgId, 'sweep');
    expect(restored.added).toBe(1);
    const [pair] = await rows('select score, reasons from duplicate_pairs');
    expect(pair).toMatchObject({ score: 55, reasons: ['same_mobile', 'same_birth_year'] });
  });
});
