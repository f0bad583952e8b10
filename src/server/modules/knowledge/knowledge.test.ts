import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { beneficiaryInput } from '../../test/factories';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
let officer: TestClient;
let manager: TestClient;
let execution: TestClient;
let rep: TestClient;
const today = riyadhDate(new Date());
beforeAll(async () => {
  ctx = await createTestContext();
  [officer, manager, execution, rep] = await signedInAs(ctx.app, [
    'officer',
    'manager',
    'execution',
    'branchrep',
  ] as const);
});
afterAll(async () => {
  await ctx.close();
});

const manual = {
  kind: 'policies_manual',
  titleAr: 'دليل السياسات والإجراءات',
  bodyAr: 'إذا لم تتضح الإجراءات للمستفيد يُحال إلى مسؤول التنفيذ ليجيب عن استفساراته ويشرح الجوانب التنظيمية.',
  approvalRef: 'محضر مجلس الإدارة رقم ٤',
  approvedOn: '2026-03-01',
  effectiveFrom: '2026-03-01',
};

describe('knowledge base', () => {
  it('keeps versions: the effective one is served, old ones stay readable, a future one waits for its date', async () => {
    expect((await officer.post('/api/knowledge', manual)).status).toBe(403);
    const created = await manager.post('/api/knowledge', manual);
    expect(created.status).toBe(201);
    const id = created.body.id;
    await manager.post(`/api/knowledge/${id}/versions`, {
      bodyAr: 'الإصدار الثاني: تُحال الحالات غير الواضحة إلى مسؤول التنفيذ خلال يوم عمل.',
      approvalRef: 'محضر رقم ٧',
      approvedOn: today,
      effectiveFrom: today,
    });
    await manager.post(`/api/knowledge/${id}/versions`, {
      bodyAr: 'الإصدار الثالث لم يدخل حيز التنفيذ بعد.',
      approvalRef: 'محضر رقم ٩',
      approvedOn: today,
      effectiveFrom: addDays(today, 10),
    });
    const doc = await officer.get(`/api/knowledge/${id}`);
    expect(doc.body.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const current = doc.body.versions.find((v: { id: string }) => v.id === doc.body.currentVersionId);
    expect(current.version).toBe(2);
    expect(doc.body.versions.find((v: { version: number }) => v.version === 1).bodyAr).toBe(manual.bodyAr);
    expect(doc.body.acknowledgements).toBeNull();
  });

  it('finds documents by normalised Arabic words in the version in force only', async () => {
    await manager.post('/api/knowledge', {
      kind: 'faq',
      titleAr: 'متى تصل الإجابة على طلبي؟',
      bodyAr: 'تدرس اللجنة الطلب وتُبلغ مقدمه بالقرار خلال أسبوعين تقريباً من رفعه إليها.',
      approvalRef: 'اعتماد المدير التنفيذي',
      approvedOn: '2026-03-01',
      effectiveFrom: '2026-03-01',
      published: true,
    });
    const ids = async (q: string) =>
      (await officer.get(`/api/knowledge?q=${encodeURIComponent(q)}`)).body.items.map(
        (i: { titleAr: string }) => i.titleAr,
      );
    expect(await ids('اللجنه')).toContain('متى تصل الإجابة على طلبي؟');
    expect(await ids('مسؤول التنفيذ')).toContain('دليل السياسات والإجراءات');
    expect(await ids('احالة')).toEqual([]); // "تُحال" is a different word form: no stemming is claimed.
    expect(await ids('الثالث')).toEqual([]); // only in the version not yet in force
    expect(await ids('الثاني')).toContain('دليل السياسات والإجراءات');
    expect(await ids('اسبوعين')).toContain('متى تصل الإجابة على طلبي؟');
    const answers = await officer.get(`/api/knowledge/answers?q=${encodeURIComponent('القرار')}`);
    expect(answers.body.items[0].bodyAr).toContain('أسبوعين');
  });

  it('finds canned answers by their words in any order, normalised like the knowledge base', async () => {
    const made = await manager.post('/api/knowledge', {
      kind: 'answer',
      titleAr: 'رد: موعد توصيل الصهريج',
      bodyAr: 'يصلكم صهريج المياه في الموعد المتفق عليه، ويتصل بكم المندوب قبل وصوله بساعة.',
      approvalRef: 'اعتماد المدير التنفيذي',
      approvedOn: '2026-03-01',
      effectiveFrom: '2026-03-01',
    });
    expect(made.status).toBe(201);
    const titles = async (q: string) =>
      (await officer.get(`/api/knowledge/answers?q=${encodeURIComponent(q)}`)).body.items.map(
        (i: { titleAr: string }) => i.titleAr,
      );
    const title = 'رد: موعد توصيل الصهريج';
    // The words as written, reversed, and typed without hamza, with ه for ة and with diacritics and tatweel.
    expect(await titles('توصيل الصهريج')).toContain(title);
    expect(await titles('الصهريج توصيل')).toContain(title);
    expect(await titles('المندوب صهريج موعد')).toContain(title);
    expect(await titles('بساعه المندوب')).toContain(title);
    expect(await titles('المِيـــاه الموعد')).toContain(title);
    // Every word must be there, whatever the order: a word the answer lacks finds nothing.
    expect(await titles('الصهريج الشكوى')).not.toContain(title);
    // The knowledge base search finds the same document for the same reversed words.
    const kb = await officer.get(`/api/knowledge?q=${encodeURIComponent('المندوب صهريج موعد')}`);
    expect(kb.body.items.map((i: { titleAr: string }) => i.titleAr)).toContain(title);
  });

  it('asks every staff member to acknowledge the tool version in force, and keeps who did and when', async () => {
    const pending = await execution.get('/api/knowledge/acknowledgements/pending');
    const item = pending.body.items.find((i: { titleAr: string }) => i.titleAr === 'دليل السياسات والإجراءات');
    expect(item.version).toBe(2);
    expect((await execution.post(`/api/knowledge/versions/${item.versionId}/acknowledge`)).status).toBe(204);
    expect((await execution.post(`/api/knowledge/versions/${item.versionId}/acknowledge`)).status).toBe(204);
    expect(
      (await execution.get('/api/knowledge/acknowledgements/pending')).body.items.find(
        (i: { versionId: string }) => i.versionId === item.versionId,
      ),
    ).toBeUndefined();
    const doc = await manager.get(`/api/knowledge/${item.documentId}`);
    expect(doc.body.acknowledgements.map((a: { displayName: string }) => a.displayName)).toEqual(['فهد الرشيدي']);
  });
});

describe('appointments', () => {
  it('publishes slots, books one beneficiary per slot, and a held visit becomes a meeting contact', async () => {
    const b = await officer.post('/api/beneficiaries', beneficiaryInput(ctx.branchIds.HQ!));
    const other = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true }),
    );
    const day = addDays(today, 2);
    expect(
      (
        await officer.post('/api/appointment-slots', {
          branchId: ctx.branchIds.HQ,
          slots: [{ startsAt: `${day}T09:00:00+03:00`, minutes: 30 }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await rep.post('/api/appointment-slots', {
          branchId: ctx.branchIds.HQ,
          slots: [{ startsAt: `${day}T10:00:00+03:00`, minutes: 30 }],
        })
      ).status,
    ).toBe(403);
    const slots = await officer.get(`/api/appointment-slots?branchId=${ctx.branchIds.HQ}&from=${day}&to=${day}`);
    const slotId = slots.body.items[0].id;
    const booked = await officer.post('/api/appointments', {
      slotId,
      beneficiaryId: b.body.id,
      purpose: 'استكمال مستندات الطلب',
    });
    expect(booked.status).toBe(201);
    const again = await officer.post('/api/appointments', { slotId, beneficiaryId: other.body.id, purpose: 'مراجعة' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('appointment.slot_taken');
    expect((await officer.post(`/api/appointments/${booked.body.id}/outcome`, { outcome: 'held' })).body.code).toBe(
      'appointment.summary_required',
    );
    expect(
      (
        await officer.post(`/api/appointments/${booked.body.id}/outcome`, {
          outcome: 'held',
          summary: 'سلّم صورة الهوية',
        })
      ).status,
    ).toBe(204);
    const timeline = await officer.get(`/api/beneficiaries/${b.body.id}/timeline`);
    expect(timeline.body.items.find((i: { channel: string }) => i.channel === 'meeting')).toMatchObject({
      type: 'interaction',
      text: 'استكمال مستندات الطلب: سلّم صورة الهوية',
    });
  });
});

describe('volunteers', () => {
  it('signs up on the volunteering channel, activates, logs hours', async () => {
    const created = await officer.post('/api/volunteers', {
      name: 'سلمان العنزي',
      mobile: '0557654321',
      skills: ['قيادة صهريج'],
      availability: 'الخميس مساءً',
    });
    expect(created.status).toBe(201);
    expect((await officer.post('/api/volunteers', { name: 'مكرر', mobile: '0557654321' })).body.code).toBe(
      'volunteer.exists',
    );
    expect(
      (
        await officer.post(`/api/volunteers/${created.body.id}/hours`, {
          workedOn: today,
          hours: 3,
          task: 'مساعدة في التوصيل',
        })
      ).body.code,
    ).toBe('volunteer.not_active');
    await officer.patch(`/api/volunteers/${created.body.id}`, { status: 'active' });
    expect(
      (
        await officer.post(`/api/volunteers/${created.body.id}/hours`, {
          workedOn: today,
          hours: 3.5,
          task: 'مساعدة في التوصيل',
        })
      ).status,
    ).toBe(204);
    const list = await manager.get('/api/volunteers');
    expect(list.body.items[0]).toMatchObject({ name: 'سلمان العنزي', status: 'active', totalHours: 3.5 });
    const contacts = await officer.get('/api/interactions?channel=volunteering');
    expect(contacts.body.items[0]).toMatchObject({ contactName: 'سلمان العنزي', direction: 'inbound' });
    expect((await manager.post('/api/volunteers', { name: 'س', mobile: '0551231234' })).status).toBe(403);
  });
});
