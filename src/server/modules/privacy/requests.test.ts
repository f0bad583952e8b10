import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { beneficiaryRevisions, consents } from '../../db/tables/index';
import { DEMO_USERS } from '../../seed/demo-users';
import { beneficiaryInput, uniqueNationalId } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let manager: TestClient;
let admin: TestClient;
let committee: TestClient;
let rep: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, manager, admin, committee, rep] = await signedInAs(ctx.app, [
    'officer',
    'manager',
    'admin',
    'committee',
    DEMO_USERS.find((u) => u.role === 'branch_rep')!.username,
  ] as const);
});
afterAll(async () => {
  await ctx.close();
});

const register = async (overrides: Record<string, unknown> = {}) =>
  (
    await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true, healthNotes: 'ربو', ...overrides }),
    )
  ).body.id as string;

const revisionsOf = async (id: string) =>
  ctx.deps.db.select().from(beneficiaryRevisions).where(eq(beneficiaryRevisions.beneficiaryId, id));

describe('correction with a reason', () => {
  it('corrects names, ID and birth date; the history shows old and new values and the reason', async () => {
    const id = await register({ firstName: 'محمد' });
    const newId = uniqueNationalId();
    const res = await officer.post(`/api/beneficiaries/${id}/corrections`, {
      fields: {
        firstName: 'محمود',
        nationalId: newId,
        birthDate: { calendar: 'hijri', date: '1395-03-10' },
        healthNotes: 'ربو مزمن',
      },
      reason: 'طلب المستفيد التصحيح وأحضر الهوية',
    });
    expect(res.status).toBe(201);
    expect(res.body.fields.sort()).toEqual(['birthDate', 'firstName', 'healthNotes', 'nationalId']);
    const file = (await officer.get(`/api/beneficiaries/${id}`)).body;
    expect(file).toMatchObject({ firstName: 'محمود', nationalId: newId });
    const history = await manager.get(`/api/beneficiaries/${id}/revisions`);
    expect(history.status).toBe(200);
    expect(history.body.items[0].reason).toBe('طلب المستفيد التصحيح وأحضر الهوية');
    expect(history.body.items[0].changes.firstName).toEqual({ from: 'محمد', to: 'محمود' });
    expect(history.body.items[0].byName).toBeTruthy();

    // The audit row: before and after, identifying numbers masked, sensitive values hidden.
    const audit = await admin.get(`/api/audit?action=privacy.corrected&entityId=${id}`);
    const details = audit.body.items[0].details;
    expect(details.reason).toBe('طلب المستفيد التصحيح وأحضر الهوية');
    expect(details.before.firstName).toBe('محمد');
    expect(details.after.firstName).toBe('محمود');
    expect(details.after.nationalId).toMatch(/^•+\d{3}$/);
    expect(details.after.nationalId.endsWith(newId.slice(-3))).toBe(true);
    expect(JSON.stringify(details)).not.toContain(newId);
    expect(details.after.healthNotes).toBe('•••');
    expect(JSON.stringify(details)).not.toContain('ربو');
  });

  it('refuses bad input and writes nothing: no reason, no change, a taken ID, a bad date', async () => {
    const id = await register();
    const other = await register();
    const otherId = (await officer.get(`/api/beneficiaries/${other}`)).body.nationalId;
    const before = (await revisionsOf(id)).length;
    const cases = [
      [{ fields: { firstName: 'سالم' }, reason: 'قصير' }, 400],
      [{ fields: { firstName: 'سالم' } }, 400],
      [{ fields: {}, reason: 'سبب كافٍ للتصحيح' }, 400],
      [{ fields: { nationalId: '123' }, reason: 'سبب كافٍ للتصحيح' }, 400],
      [{ fields: { birthDate: { calendar: 'hijri', date: '1400-13-40' } }, reason: 'سبب كافٍ للتصحيح' }, 400],
      [{ fields: { status: 'closed' }, reason: 'سبب كافٍ للتصحيح' }, 400],
      [{ fields: { nationalId: otherId }, reason: 'سبب كافٍ للتصحيح' }, 409],
      [
        {
          fields: { familyName: (await officer.get(`/api/beneficiaries/${id}`)).body.familyName },
          reason: 'لا تغيير فعلي',
        },
        400,
      ],
    ] as const;
    for (const [body, status] of cases) {
      const res = await officer.post(`/api/beneficiaries/${id}/corrections`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.message).toBeTruthy();
    }
    expect((await revisionsOf(id)).length).toBe(before);
  });

  it('only the roles that edit files may correct (admin and committee may not)', async () => {
    const id = await register();
    const body = { fields: { district: 'حي النخيل' }, reason: 'انتقل المستفيد إلى حي آخر' };
    expect((await admin.post(`/api/beneficiaries/${id}/corrections`, body)).status).toBe(403);
    expect((await committee.post(`/api/beneficiaries/${id}/corrections`, body)).status).toBe(403);
    expect((await manager.post(`/api/beneficiaries/${id}/corrections`, body)).status).toBe(403);
  });
});

describe('consent withdrawal', () => {
  it('records the withdrawal with its reason, shows it, and refuses it twice', async () => {
    const id = await register();
    const summary = await officer.get(`/api/beneficiaries/${id}/privacy`);
    expect(summary.status).toBe(200);
    const consent = summary.body.consents[0];
    expect(consent.withdrawnAt).toBeNull();
    expect((await admin.post(`/api/beneficiaries/${id}/consents/${consent.id}/withdraw`, { reason: 'x' })).status).toBe(
      403,
    );
    expect(
      (await officer.post(`/api/beneficiaries/${id}/consents/${consent.id}/withdraw`, { reason: 'x' })).status,
    ).toBe(400);
    const res = await officer.post(`/api/beneficiaries/${id}/consents/${consent.id}/withdraw`, {
      reason: 'لا يرغب في استمرار معالجة بياناته',
    });
    expect(res.status).toBe(204);
    const after = (await officer.get(`/api/beneficiaries/${id}/privacy`)).body.consents[0];
    expect(after.withdrawnAt).not.toBeNull();
    expect(after.withdrawnReason).toBe('لا يرغب في استمرار معالجة بياناته');
    const again = await officer.post(`/api/beneficiaries/${id}/consents/${consent.id}/withdraw`, {
      reason: 'مرة ثانية',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('privacy.consent_withdrawn');
    const other = await register();
    expect(
      (await officer.post(`/api/beneficiaries/${other}/consents/${consent.id}/withdraw`, { reason: 'ملف آخر' })).status,
    ).toBe(404);
    const rows = await ctx.deps.db.select().from(consents).where(eq(consents.beneficiaryId, id));
    expect(rows).toHaveLength(1);
    const copy = await officer.get(`/api/beneficiaries/${id}/export?format=json`);
    expect(copy.body.consents[0].withdrawnReason).toBe('لا يرغب في استمرار معالجة بياناته');
  });
});

describe('who opened this file', () => {
  it('lists every opening and copy for the manager only', async () => {
    const id = await register();
    await officer.get(`/api/beneficiaries/${id}`);
    await officer.get(`/api/beneficiaries/${id}/export?format=json`);
    const log = await manager.get(`/api/beneficiaries/${id}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((i: { action: string }) => i.action)).toEqual(['privacy.exported', 'beneficiary.viewed']);
    expect(log.body.items[1]).toMatchObject({ username: 'officer', role: 'officer' });
    for (const client of [officer, admin, committee, rep]) {
      expect((await client.get(`/api/beneficiaries/${id}/access-log`)).status).toBe(403);
    }
  });
});

describe('the person’s copy in plain Arabic', () => {
  it('has Arabic labels, Hijri and Gregorian dates and no English keys or ISO timestamps', async () => {
    const id = await register();
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/beneficiaries/${id}/export?format=html`,
      headers: { cookie: officer.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    for (const label of ['رقم الهوية الوطنية أو الإقامة', 'اسم العائلة', 'تاريخ الميلاد', 'الموافقات', 'الأسرة']) {
      expect(html).toContain(label);
    }
    expect(html).toMatch(/هـ/); // Hijri era
    expect(html).toMatch(/١٩٧٥/); // the birth year, in Arabic digits
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    for (const key of ['firstName', 'nationalId', 'noticeVersion', 'createdAt', '"tank"', '>rented<']) {
      expect(html).not.toContain(key);
    }
    expect(html).toContain('صهاريج'); // the water source, in Arabic
  });
});

describe('legal holds on screen', () => {
  it('lists files under a hold until its date, for the manager', async () => {
    const id = await register();
    const until = addDays(riyadhDate(new Date()), 30);
    expect(
      (await manager.request('PUT', `/api/beneficiaries/${id}/legal-hold`, { until, reason: 'قضية منظورة' })).status,
    ).toBe(204);
    const list = await manager.get('/api/privacy/legal-holds');
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ until, reason: 'قضية منظورة' });
    expect((await officer.get('/api/privacy/legal-holds')).status).toBe(403);
    expect((await admin.get('/api/privacy/legal-holds')).status).toBe(403);
    const summary = (await officer.get(`/api/beneficiaries/${id}/privacy`)).body;
    expect(summary.legalHold).toEqual({ until, reason: 'قضية منظورة' });
  });
});
