import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits } from '../../../common/arabic';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

// Issue 12: one rule for references — staff find a file by its application or case reference typed with or
// without separators, in Arabic-Indic or Latin digits, in the same search box as IDs, mobiles and names.

let ctx: TestContext;
let officer: TestClient;
let rep: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, rep] = await signedInAs(ctx.app, ['officer', 'branchrep'] as const);
});
afterAll(async () => {
  await ctx.close();
});

const search = (client: TestClient, q: string) => client.get(`/api/beneficiaries?q=${encodeURIComponent(q)}`);

describe('search by reference', () => {
  it('finds the file of an application reference in any digits and spacing; a branch representative only in their branch', async () => {
    const services = (await officer.get('/api/services')).body.items as { id: string; code: string }[];
    const app = await raiseToCommittee(officer, ctx.branchIds.HQ!, [services[0]!.id]);
    const [, year, seq] = app.reference.split('-') as [string, string, string];
    const forms = [
      app.reference,
      app.reference.toLowerCase(),
      `APP ${year} ${Number(seq)}`,
      toArabicDigits(`APP-${year}-${seq}`),
      `app/${toArabicDigits(year)}/${toArabicDigits(String(Number(seq)))}`,
    ];
    for (const q of forms) {
      const res = await search(officer, q);
      expect(res.status, q).toBe(200);
      expect(res.body.matchedBy, q).toBe('application_reference');
      expect(
        res.body.items.map((i: { id: string }) => i.id),
        q,
      ).toEqual([app.beneficiaryId]);
    }
    // The head office's file is not the Al-Khabra representative's to find.
    const other = await search(rep, app.reference);
    expect(other.body.matchedBy).toBe('application_reference');
    expect(other.body.items).toEqual([]);
    // A case reference nobody has: recognised as one, nothing found (not a name search).
    const none = await search(officer, `C-${toArabicDigits(year)}-٩٩٩٩٩`);
    expect(none.body.matchedBy).toBe('case_reference');
    expect(none.body.items).toEqual([]);
  });
});
