import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, uniqueNationalId } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let rep: TestClient;
let committee: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, rep, committee] = await signedInAs(ctx.app, ['officer', 'branchrep', 'committee'] as const);
});
afterAll(async () => {
  await ctx.close();
});

const check = (client: TestClient, nationalId: string) =>
  client.post('/api/beneficiaries/national-id-check', { nationalId });

describe('the early national ID check of the registration form', () => {
  it('names the existing file to whoever may open it, and only "registered" to anyone else', async () => {
    const input = beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true });
    expect((await check(officer, input.nationalId)).body).toEqual({ status: 'new' });
    const created = await officer.post('/api/beneficiaries', input);
    expect(created.status).toBe(201);

    const seen = await check(officer, input.nationalId);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      status: 'exists',
      file: {
        id: created.body.id,
        fileNumber: created.body.fileNumber,
        fullName: `محمد عبدالله سعد ${input.familyName}`,
        branchNameAr: expect.any(String),
        branchNameEn: expect.any(String),
      },
    });
    // Typed with Arabic-Indic digits, as a keyboard may give them: the same answer.
    const arabic = input.nationalId.replace(/\d/g, (d: string) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    expect((await check(officer, arabic)).body.status).toBe('exists');

    // The other branch's representative learns only that the number is registered: no name, number or id.
    const hidden = await check(rep, input.nationalId);
    expect(hidden.body).toEqual({ status: 'registered_elsewhere' });
    expect(JSON.stringify(hidden.body)).not.toContain(created.body.fileNumber);

    // A number that fails the checksum is a 400 with the field's message; the committee does not register files.
    const bad = `${input.nationalId.slice(0, 9)}${(Number(input.nationalId[9]) + 1) % 10}`;
    const invalid = await check(officer, bad);
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('request.validation');
    expect((await check(committee, uniqueNationalId())).status).toBe(403);
  });
});
