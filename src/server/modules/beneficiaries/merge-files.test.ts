import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, uniqueMobile } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { MERGE_FIELDS, type MergeField, mergeFiles, undoMerge } from './merge-files';

let ctx: TestContext;
let manager: TestClient;
let officer: TestClient;
let managerUser: Parameters<typeof mergeFiles>[1];
const meta = { ip: null, userAgent: null };

beforeAll(async () => {
  ctx = await createTestContext();
  [manager, officer] = await signedInAs(ctx.app, ['manager', 'officer'] as const);
  const me = await manager.get('/api/auth/session');
  managerUser = { ...me.body.user, orgId: ctx.orgId };
});
afterAll(async () => {
  await ctx.close();
});

const TABLES = [
  'beneficiaries',
  'household_members',
  'applications',
  'documents',
  'interactions',
  'cases',
  'deliveries',
  'appointments',
  'consents',
  'beneficiary_status_events',
  'beneficiary_revisions',
  'survey_invitations',
  'duplicate_pairs',
];

async function everyTable() {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const res = await ctx.deps.db.execute(sql.raw(`select to_jsonb(x.*) as row from ${t} x order by x.id`));
    out[t] = (res as unknown as { rows: { row: unknown }[] }).rows.map((r) => r.row);
  }
  return out;
}

let serial = 0;
/** Two files of one person, written two ways, with contacts, a case and an application on them. */
async function samePersonTwice() {
  serial++;
  const mobile = uniqueMobile();
  const family = `الدوسريون${serial}`;
  const a = await officer.post(
    '/api/beneficiaries',
    beneficiaryInput(ctx.branchIds.HQ!, {
      firstName: 'سعد',
      fatherName: 'أبو بكر',
      grandfatherName: 'فهد',
      familyName: family,
      mobile,
      confirmNotDuplicate: true,
    }),
  );
  const b = await officer.post(
    '/api/beneficiaries',
    beneficiaryInput(ctx.branchIds.HQ!, {
      firstName: 'سعد',
      fatherName: 'ابوبكر',
      grandfatherName: 'فهد',
      familyName: family.slice(2),
      mobile: uniqueMobile(),
      mobile2: mobile,
      district: 'حي النسيم',
      household: [{ name: 'مها', relation: 'daughter', birthDate: '2012-01-01', disability: false }],
      confirmNotDuplicate: true,
    }),
  );
  expect(a.status).toBe(201);
  expect(b.status).toBe(201);
  const services = await officer.get('/api/services');
  const serviceId = services.body.items[0].id;
  expect(
    (await officer.post('/api/applications', { beneficiaryId: b.body.id, serviceIds: [serviceId], channel: 'meeting' }))
      .status,
  ).toBe(201);
  for (const id of [a.body.id, b.body.id]) {
    const call = await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'اتصال للاستفسار',
      durationSeconds: 60,
      beneficiaryId: id,
    });
    expect(call.status).toBe(201);
  }
  const kase = await officer.post('/api/cases', {
    kind: 'inquiry',
    channel: 'phone',
    subject: 'استفسار',
    description: 'متى يصل الصهريج؟',
    beneficiaryId: b.body.id,
  });
  expect(kase.status).toBe(201);
  const sweep = await manager.post('/api/duplicates/sweep');
  expect(sweep.status).toBe(200);
  const queue = await manager.get('/api/duplicates');
  const pair = queue.body.items.find(
    (p: { a: { id: string }; b: { id: string } }) =>
      [p.a.id, p.b.id].sort().join() === [a.body.id, b.body.id].sort().join(),
  );
  expect(pair).toBeTruthy();
  return { a: a.body.id as string, b: b.body.id as string, pair, serviceId };
}

describe('the duplicate queue and merging', () => {
  it('finds the pair by its rules, compares side by side, merges into the kept file, and undoes it', async () => {
    const { a, b, pair } = await samePersonTwice();
    expect(pair.reasons).toEqual(expect.arrayContaining(['same_mobile', 'same_name_any_order', 'same_birth_year']));
    expect(pair.score).toBe(100);
    const detail = await manager.get(`/api/duplicates/${pair.id}`);
    expect(detail.status).toBe(200);
    const sideOf = (id: string) => (detail.body.a.fields.id === id ? detail.body.a : detail.body.b);
    // The call, and the contact the case opened with.
    expect(sideOf(b).counts).toMatchObject({ applications: 1, interactions: 2, cases: 1 });
    expect(sideOf(b).household).toHaveLength(1);

    const before = await everyTable();
    const keep = pair.a.id === a ? 'a' : 'b';
    const merge = await manager.post(`/api/duplicates/${pair.id}/merge`, {
      keep,
      fields: { district: 'merged', familyName: 'merged' },
    });
    expect(merge.status, JSON.stringify(merge.body)).toBe(200);
    expect(merge.body).toMatchObject({ keptId: a, mergedId: b });
    expect(merge.body.moved).toMatchObject({ applications: 1, interactions: 2, cases: 1, household_members: 1 });

    const kept = await manager.get(`/api/beneficiaries/${a}`);
    expect(kept.body.district).toBe('حي النسيم');
    expect(kept.body.household.map((m: { name: string }) => m.name)).toContain('مها');
    const gone = await manager.get(`/api/beneficiaries/${b}`);
    expect(gone.body).toMatchObject({ status: 'closed', mergedInto: a });
    // The merged file's number leads to the kept file.
    const byNumber = await manager.get(`/api/beneficiaries?q=${gone.body.fileNumber}`);
    expect(byNumber.body.items[0].id).toBe(b);
    const audit = await ctx.deps.db.execute(
      sql`select details from audit_log where action = 'beneficiary.merged' and entity_id = ${a}`,
    );
    const details = (audit as unknown as { rows: { details: Record<string, Record<string, unknown>> }[] }).rows[0]!
      .details;
    expect(details.after!.district).toBe('حي النسيم');
    expect((await manager.get('/api/duplicates?status=merged')).body.items.map((p: { id: string }) => p.id)).toContain(
      pair.id,
    );
    // A decided pair is not merged again.
    expect((await manager.post(`/api/duplicates/${pair.id}/merge`, { keep })).status).toBe(409);

    const undo = await manager.post(`/api/merges/${merge.body.mergeId}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(await everyTable()).toEqual(before);
    expect((await manager.post(`/api/merges/${merge.body.mergeId}/undo`)).body.code).toBe('merge.already_undone');
  });

  it('merge then undo leaves every table as it was, whatever is chosen (property)', async () => {
    const { a, b } = await samePersonTwice();
    const fields = Object.keys(MERGE_FIELDS) as MergeField[];
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.subarray(fields), async (keepA, chosen) => {
        const before = await everyTable();
        const [keptId, mergedId] = keepA ? [a, b] : [b, a];
        const result = await mergeFiles(
          ctx.deps,
          managerUser,
          { keptId, mergedId, fields: Object.fromEntries(chosen.map((f) => [f, 'merged'])) },
          meta,
        );
        await undoMerge(ctx.deps, managerUser, result.mergeId, meta);
        expect(await everyTable()).toEqual(before);
      }),
      { numRuns: 6 },
    );
  });

  it('is refused where it must be, writing nothing', async () => {
    const { a, b, pair, serviceId } = await samePersonTwice();
    await expect(mergeFiles(ctx.deps, managerUser, { keptId: a, mergedId: a, fields: {} }, meta)).rejects.toMatchObject(
      {
        code: 'merge.same_file',
      },
    );
    // Both files with an open application.
    expect(
      (await officer.post('/api/applications', { beneficiaryId: a, serviceIds: [serviceId], channel: 'meeting' }))
        .status,
    ).toBe(201);
    const before = await everyTable();
    const refused = await manager.post(`/api/duplicates/${pair.id}/merge`, { keep: 'a' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('merge.both_open_applications');
    expect(await everyTable()).toEqual(before);
    // Officers do not use the queue.
    expect((await officer.get('/api/duplicates')).status).toBe(403);
    expect((await officer.post(`/api/duplicates/${pair.id}/merge`, { keep: 'a' })).status).toBe(403);
    void b;
  });

  it('an undo is refused once the kept file changed; "not the same person" is never proposed again', async () => {
    const { a, b, pair } = await samePersonTwice();
    const keep = pair.a.id === a ? 'a' : 'b';
    const merge = await manager.post(`/api/duplicates/${pair.id}/merge`, { keep });
    expect(merge.status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    expect((await officer.patch(`/api/beneficiaries/${a}`, { district: 'حي جديد' })).status).toBe(204);
    const undo = await manager.post(`/api/merges/${merge.body.mergeId}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.code).toBe('merge.changed_since');
    expect(
      await mergeFiles(ctx.deps, managerUser, { keptId: b, mergedId: a, fields: {} }, meta).catch((e) => e.code),
    ).toBe('merge.already_merged');

    const other = await samePersonTwice();
    expect((await manager.post(`/api/duplicates/${other.pair.id}/decision`, { decision: 'not_same' })).status).toBe(
      204,
    );
    await manager.post('/api/duplicates/sweep');
    const open = await manager.get('/api/duplicates');
    expect(open.body.items.map((p: { id: string }) => p.id)).not.toContain(other.pair.id);
    const rejected = await manager.get('/api/duplicates?status=not_same');
    expect(rejected.body.items.map((p: { id: string }) => p.id)).toContain(other.pair.id);
    const preview = await manager.get('/api/duplicates/threshold-preview?threshold=50');
    expect(preview.body.pairs).toBeGreaterThan(0);
  });
});
