import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../test/factories';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let serviceId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer] = await signedInAs(ctx.app, ['officer'] as const);
  serviceId = ((await officer.get('/api/services')).body.items as { id: string }[])[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

const member = (name: string) => ({ name, relation: 'son', birthDate: '2012-01-01', disability: false });
const unconfirmed = (overrides: Record<string, unknown>) => {
  const input = beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true, ...overrides });
  delete (input as Record<string, unknown>).householdConfirmed;
  return input;
};

describe('people at home against the applicant and the listed household', () => {
  it('refuses an unconfirmed difference with a translated 400 and writes nothing; a confirmed one is kept', async () => {
    // Six at home, but the applicant and two members make three.
    const input = unconfirmed({ water: { source: 'tank', storageLitres: 600, peopleAtHome: 6 } });
    const refused = await officer.post('/api/beneficiaries', input);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('beneficiary.household_mismatch');
    expect(refused.body.message).toContain('(٦)');
    expect(refused.body.message).toContain('(٣)');
    const english = await officer.post('/api/beneficiaries', input, { 'accept-language': 'en' });
    expect(english.body.message).toContain('People at home (6)');
    const search = await officer.get(`/api/beneficiaries?q=${input.nationalId}`);
    expect(search.body.items).toEqual([]);

    const created = await officer.post('/api/beneficiaries', { ...input, householdConfirmed: true });
    expect(created.status).toBe(201);
    const file = (await officer.get(`/api/beneficiaries/${created.body.id}`)).body;
    expect(file.householdCheck).toEqual({ listed: 3, mismatch: true, confirmedSize: 6 });

    // Adding a member changes the list: the difference must be confirmed again.
    const household = [...input.household, member('فهد')];
    const again = await officer.patch(`/api/beneficiaries/${created.body.id}`, { household });
    expect(again.body.code).toBe('beneficiary.household_mismatch');
    // Other fields save without asking again; the confirmed number stays.
    expect((await officer.patch(`/api/beneficiaries/${created.body.id}`, { district: 'حي النخيل' })).status).toBe(204);
    // A list that now matches clears the confirmation.
    const matching = [...household, member('سعود'), member('ريم')];
    expect((await officer.patch(`/api/beneficiaries/${created.body.id}`, { household: matching })).status).toBe(204);
    const fixed = (await officer.get(`/api/beneficiaries/${created.body.id}`)).body;
    expect(fixed.householdCheck).toEqual({ listed: 6, mismatch: false, confirmedSize: null });
  });

  it('a file already saved with a difference (from the portal) is confirmed on its own, and the score uses the confirmed figure', async () => {
    // Two at home, the applicant and four members listed (five): confirmed at two, the score counts two people.
    const household = [member('فهد'), member('سعود'), member('ريم'), member('نورة')];
    const water = { source: 'tank', storageLitres: 600, peopleAtHome: 2 };
    const confirmed = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceId], {
      household,
      water,
      householdConfirmed: true,
    });
    const withConfirmed = (await officer.get(`/api/applications/${confirmed.applicationId}`)).body;
    const sizeLine = (b: { scoreBreakdown: { key: string; detail: string }[] }) =>
      b.scoreBreakdown.find((l) => l.key === 'household_size')!.detail;
    expect(sizeLine(withConfirmed)).toBe('2/10');
    const fileNow = (await officer.get(`/api/beneficiaries/${confirmed.beneficiaryId}`)).body;
    expect(fileNow.householdCheck).toEqual({ listed: 5, mismatch: true, confirmedSize: 2 });

    // The same five people stated and listed: the count is five.
    const matching = await raiseToCommittee(officer, ctx.branchIds.HQ!, [serviceId], {
      household,
      water: { ...water, peopleAtHome: 5 },
    });
    expect(sizeLine((await officer.get(`/api/applications/${matching.applicationId}`)).body)).toBe('5/10');

    // A file saved with the difference unconfirmed (as the portal saves it) is confirmed on its own from the file.
    await ctx.deps.db.execute(
      sql`update beneficiaries set household_confirmed_size = null where id = ${confirmed.beneficiaryId}`,
    );
    const url = `/api/beneficiaries/${confirmed.beneficiaryId}`;
    expect((await officer.get(url)).body.householdCheck.confirmedSize).toBeNull();
    expect((await officer.patch(url, { householdConfirmed: true })).status).toBe(204);
    expect((await officer.get(url)).body.householdCheck.confirmedSize).toBe(2);
  });
});
