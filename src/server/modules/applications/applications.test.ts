import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { APPLICATION_STAGES, type ApplicationStage, nextStages } from '../../../common/domain/application';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let execution: TestClient;
let rep: TestClient;
let committee: TestClient;
let admin: TestClient;
let services: { id: string; code: string; requiredDocuments: { key: string }[] }[];
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, execution, rep, committee, admin] = await signedInAs(ctx.app, [
    'officer',
    'execution',
    'branchrep',
    'committee',
    'admin',
  ] as const);
  services = (await officer.get('/api/services')).body.items;
});
afterAll(async () => {
  await ctx.close();
});

const serviceId = (code: string) => services.find((s) => s.code === code)!.id;

async function newApplication(client = officer, branch = 'HQ', code = 'tank_delivery') {
  const input = beneficiaryInput(ctx.branchIds[branch]!, { confirmNotDuplicate: true });
  const b = await client.post('/api/beneficiaries', input);
  expect(b.status).toBe(201);
  const app = await client.post('/api/applications', {
    beneficiaryId: b.body.id,
    serviceIds: [serviceId(code)],
    channel: 'meeting',
  });
  expect(app.status).toBe(201);
  return {
    id: app.body.id as string,
    reference: app.body.reference as string,
    beneficiaryId: b.body.id as string,
    name: `محمد عبدالله سعد ${input.familyName}`,
  };
}

const move = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.post(`/api/applications/${id}/transitions`, body);

async function verifyAll(client: TestClient, id: string) {
  const detail = await client.get(`/api/applications/${id}`);
  for (const item of detail.body.checklist) {
    const res = await client.patch(`/api/applications/${id}/checklist/${item.itemKey}`, { state: 'verified' });
    expect(res.status).toBe(204);
  }
}

describe('the intake stage machine (policy steps 1–4)', () => {
  it('walks an application from draft to the committee, recording every step', async () => {
    const { id, name, reference } = await newApplication();
    expect(reference).toMatch(/^APP-\d{4}-\d{5}$/);
    const draft = await officer.get(`/api/applications/${id}`);
    expect(draft.body.stage).toBe('draft');
    expect(draft.body.checklist.map((c: { itemKey: string }) => c.itemKey).sort()).toEqual([
      'family_record',
      'income_proof',
      'national_address',
      'national_id_copy',
    ]);
    expect(draft.body.allowedNext).toEqual(['submitted', 'withdrawn']);

    expect((await move(officer, id, { to: 'submitted' })).status).toBe(200);
    expect((await move(officer, id, { to: 'verifying' })).status).toBe(200);

    // Declaring before every item is verified is refused.
    const early = await move(officer, id, { to: 'declared', declaration: { typedName: name, method: 'signature' } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('application.checklist_incomplete');

    // Referral to the execution officer needs a reason; only the execution officer answers it.
    expect((await move(officer, id, { to: 'referred' })).body.code).toBe('application.note_required');
    expect((await move(officer, id, { to: 'referred', note: 'المستفيد لا يفهم شرط إثبات الدخل' })).status).toBe(200);
    expect((await move(officer, id, { to: 'verifying', note: 'x' })).status).toBe(403);
    const queue = await execution.get('/api/applications?queue=my_referrals');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await move(execution, id, { to: 'verifying', note: 'شُرح له أن خطاب الضمان يكفي' })).status).toBe(200);

    await verifyAll(officer, id);
    expect((await move(officer, id, { to: 'declared' })).body.code).toBe('application.declaration_required');
    const wrongName = await move(officer, id, {
      to: 'declared',
      declaration: { typedName: 'شخص آخر تماماً', method: 'signature' },
    });
    expect(wrongName.body.code).toBe('application.declaration_name_mismatch');
    // The name may be typed with other hamza forms or spacing.
    const typed = name.replace('عبدالله', 'عبد الله').replace('محمد', 'مُحمّد');
    expect(
      (await move(officer, id, { to: 'declared', declaration: { typedName: typed, method: 'signature' } })).status,
    ).toBe(200);
    // The checklist is frozen after the declaration.
    const frozen = await officer.patch(`/api/applications/${id}/checklist/income_proof`, { state: 'missing' });
    expect(frozen.body.code).toBe('application.checklist_closed');

    // Only an officer raises to the committee.
    expect((await move(execution, id, { to: 'in_committee' })).status).toBe(403);
    const raised = await move(officer, id, { to: 'in_committee' });
    expect(raised.status).toBe(200);
    expect(raised.body.expectedDecisionDate).toBe(addDays(riyadhDate(new Date()), 14));

    const detail = await committee.get(`/api/applications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.stage).toBe('in_committee');
    expect(detail.body.score).toBeGreaterThan(0);
    expect(detail.body.scoreBreakdown.map((l: { key: string }) => l.key)).toContain('income_per_person');
    expect(detail.body.declaration).toMatchObject({
      typedName: typed,
      method: 'signature',
      witnessName: 'نورة السبيعي',
    });
    expect(detail.body.transitions.map((t: { toStage: string }) => t.toStage)).toEqual([
      'draft',
      'submitted',
      'verifying',
      'referred',
      'verifying',
      'declared',
      'in_committee',
    ]);
    const referral = detail.body.transitions[3];
    expect(referral).toMatchObject({
      byName: 'نورة السبيعي',
      channel: 'meeting',
      note: 'المستفيد لا يفهم شرط إثبات الدخل',
    });
    expect(detail.body.transitions[4].byRole).toBe('execution_officer');
    // Now the committee may open the beneficiary's file too.
    expect((await committee.get(`/api/beneficiaries/${detail.body.beneficiary.id}`)).status).toBe(200);
  });

  it('refuses every illegal transition with 409 application.illegal_transition', async () => {
    const { id, name } = await newApplication();
    const path: { to: ApplicationStage; by: TestClient; extra?: Record<string, unknown> }[] = [
      { to: 'submitted', by: officer },
      { to: 'verifying', by: officer },
      { to: 'referred', by: officer, extra: { note: 'سؤال' } },
      { to: 'verifying', by: execution, extra: { note: 'جواب' } },
      { to: 'declared', by: officer, extra: { declaration: { typedName: name, method: 'checkbox' } } },
      { to: 'in_committee', by: officer },
    ];
    const tried: string[] = [];
    for (let step = 0; step <= path.length; step++) {
      const stage = (await officer.get(`/api/applications/${id}`)).body.stage as ApplicationStage;
      for (const to of APPLICATION_STAGES) {
        if (nextStages(stage).includes(to)) continue;
        const res = await move(officer, id, { to, note: 'x' });
        expect(res.status, `${stage} → ${to}`).toBe(409);
        expect(res.body.code).toBe('application.illegal_transition');
        tried.push(`${stage}→${to}`);
      }
      if (step === path.length) break;
      if (path[step]!.to === 'declared') await verifyAll(officer, id);
      const res = await move(path[step]!.by, id, { to: path[step]!.to, ...path[step]!.extra });
      expect(res.status, `step ${path[step]!.to}`).toBe(200);
    }
    expect(tried.length).toBeGreaterThan(60);
  });

  it('returns an application for missing items with the list, and takes it back when they are brought', async () => {
    const { id } = await newApplication();
    await move(officer, id, { to: 'submitted' });
    await move(officer, id, { to: 'verifying' });
    expect((await move(officer, id, { to: 'returned' })).body.code).toBe('application.no_missing_items');
    await officer.patch(`/api/applications/${id}/checklist/income_proof`, { state: 'missing', note: 'تعريف بالراتب' });
    expect((await move(officer, id, { to: 'returned' })).status).toBe(200);
    const returned = await officer.get(`/api/applications/${id}`);
    expect(returned.body.missingItems).toEqual(['income_proof']);
    expect((await move(officer, id, { to: 'verifying' })).status).toBe(200);
    expect((await officer.get(`/api/applications/${id}`)).body.missingItems).toBeNull();
  });

  it('withdrawal needs a reason', async () => {
    const { id } = await newApplication();
    expect((await move(officer, id, { to: 'withdrawn' })).body.code).toBe('application.note_required');
    expect((await move(officer, id, { to: 'withdrawn', note: 'طلب المستفيد إلغاء الطلب' })).status).toBe(200);
  });

  it('two people moving the same application at once: exactly one succeeds', async () => {
    const { id } = await newApplication();
    await move(officer, id, { to: 'submitted' });
    const results = await Promise.all([move(officer, id, { to: 'verifying' }), move(officer, id, { to: 'verifying' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('application rights', () => {
  it('a branch representative works only on their branch; the committee sees only what was raised to it', async () => {
    const hq = await newApplication();
    const own = await newApplication(rep, 'KHB');
    expect((await rep.get(`/api/applications/${hq.id}`)).status).toBe(403);
    expect((await move(rep, hq.id, { to: 'submitted' })).status).toBe(403);
    expect((await move(rep, own.id, { to: 'submitted' })).status).toBe(200);
    const list = await rep.get('/api/applications?queue=to_verify&pageSize=100');
    expect(list.body.items.every((i: { branchId: string }) => i.branchId === ctx.branchIds.KHB)).toBe(true);
    expect((await committee.get(`/api/applications/${hq.id}`)).status).toBe(403);
    const committeeList = await committee.get('/api/applications?pageSize=100');
    const committeeStages = ['in_committee', 'accepted', 'rejected', 'deferred', 'completing', 'enrolled'];
    expect(committeeList.body.items.every((i: { stage: string }) => committeeStages.includes(i.stage))).toBe(true);
    expect(committeeList.body.items.map((i: { id: string }) => i.id)).not.toContain(hq.id);
    expect(
      (
        await committee.post('/api/applications', {
          beneficiaryId: hq.beneficiaryId,
          serviceIds: [serviceId('water_cooler')],
          channel: 'phone',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a second open application for the same service, an unknown service and an unknown channel', async () => {
    const { beneficiaryId } = await newApplication();
    const dup = await officer.post('/api/applications', {
      beneficiaryId,
      serviceIds: [serviceId('tank_delivery')],
      channel: 'phone',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('application.duplicate_open');
    const unknown = await officer.post('/api/applications', {
      beneficiaryId,
      serviceIds: ['00000000-0000-4000-8000-000000000000'],
      channel: 'phone',
    });
    expect(unknown.body.code).toBe('application.service_not_found');
    const channel = await officer.post('/api/applications', {
      beneficiaryId,
      serviceIds: [serviceId('water_cooler')],
      channel: 'pigeon',
    });
    expect(channel.status).toBe(400);
    expect(channel.body.details[0].field).toBe('channel');
  });
});

describe('selection criteria', () => {
  it('are versioned: a change adds a version and earlier scores keep theirs', async () => {
    const current = await officer.get('/api/selection-criteria');
    expect(current.status).toBe(200);
    const v1 = current.body.current;
    const bad = await admin.post('/api/selection-criteria', { criteria: [{ key: 'disability', weight: 50 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].issue).toBe('field.criteria_weights');
    expect((await officer.post('/api/selection-criteria', { criteria: v1.criteria })).status).toBe(403);
    const next = await admin.post('/api/selection-criteria', {
      criteria: [
        { key: 'income_per_person', weight: 60, threshold: 2000 },
        { key: 'water_source', weight: 40, values: { none: 1, tank: 0.7, well: 0.5, network: 0 } },
      ],
      note: 'قرار مجلس الإدارة',
    });
    expect(next.status).toBe(201);
    expect(next.body.version).toBe(v1.version + 1);
    const after = await officer.get('/api/selection-criteria');
    expect(after.body.current.version).toBe(v1.version + 1);
    expect(after.body.versions).toHaveLength(2);
  });
});

describe('service catalogue', () => {
  it('holds the water association’s five services; only the admin changes it', async () => {
    expect(services.map((s) => s.code).sort()).toEqual([
      'bill_assistance',
      'home_filter',
      'tank_delivery',
      'tank_repair',
      'water_cooler',
    ]);
    const body = {
      code: 'well_cleaning',
      nameAr: 'تنظيف الآبار',
      nameEn: 'Well cleaning',
      recurringDays: 180,
      requiredDocuments: [{ key: 'national_id_copy', labelAr: 'صورة الهوية', labelEn: 'ID copy' }],
    };
    expect((await officer.post('/api/services', body)).status).toBe(403);
    const created = await admin.post('/api/services', body);
    expect(created.status).toBe(201);
    expect((await admin.post('/api/services', body)).body.code).toBe('service.code_taken');
    const off = await admin.patch(`/api/services/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
    const active = await officer.get('/api/services?active=true');
    expect(active.body.items.map((s: { code: string }) => s.code)).not.toContain('well_cleaning');
  });
});

describe('declarations are immutable', () => {
  it('the database refuses to change or delete one', async () => {
    const { id, name } = await newApplication();
    await move(officer, id, { to: 'submitted' });
    await move(officer, id, { to: 'verifying' });
    await verifyAll(officer, id);
    await move(officer, id, { to: 'declared', declaration: { typedName: name, method: 'checkbox' } });
    await expect(
      ctx.deps.db.execute(sql`update declarations set typed_name = 'x' where application_id = ${id}`),
    ).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`delete from declarations where application_id = ${id}`)).rejects.toThrow();
  });
});
