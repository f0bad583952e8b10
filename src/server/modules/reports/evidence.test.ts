import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../../../common/dates';
import { beneficiaryInput } from '../../test/factories';
import { raiseToCommittee } from '../../test/flows';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';

// The evidence report cites the board's approval from the settings, and has a section for referrals and one
// for declarations (issue 12, item 11); the admin edits the citation and the survey period on the settings screen.

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let officer: TestClient;
let execution: TestClient;
const today = riyadhDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, manager, officer, execution] = await signedInAs(ctx.app, [
    'admin',
    'manager',
    'officer',
    'execution',
  ] as const);
});
afterAll(async () => {
  await ctx.close();
});

const evidence = async () => {
  const res = await ctx.app.inject({
    url: `/api/reports/evidence?from=${today}&to=${today}`,
    headers: { cookie: manager.cookie! },
  });
  expect(res.statusCode).toBe(200);
  return res.body;
};
/** The rows of one numbered section, as "heading: value" lines. */
function section(html: string, heading: string): string {
  const start = html.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('</table>', start);
  return html
    .slice(start, end)
    .replace(/<tr><th>([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g, '$1: $2\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

describe('the board approval cited by the evidence report', () => {
  it('is minutes no. 4 of 1 March 2026 to begin with, not a demo label', async () => {
    const settings = (await admin.get('/api/settings')).body;
    expect(settings).toMatchObject({ boardApprovalMinutesNo: '4', boardApprovalDate: '2026-03-01' });
    const html = await evidence();
    expect(html).toContain('بموجب المحضر رقم ٤ بتاريخ');
    expect(html).toMatch(/بموجب المحضر رقم ٤ بتاريخ [^<]*١ مارس ٢٠٢٦/);
  });

  it('is edited by the admin with validation and audited; the report follows', async () => {
    const future = addDays(today, 1);
    const refused = await admin.patch('/api/settings', { boardApprovalDate: future });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'boardApprovalDate', issue: 'field.board_approval.future' });
    expect(refused.body.details[0].message).toBe('تاريخ اعتماد مجلس الإدارة لا يكون بعد اليوم.');
    for (const bad of ['', 'محضر<script>', '1234567890123456789012'])
      expect((await admin.patch('/api/settings', { boardApprovalMinutesNo: bad })).status).toBe(400);
    expect((await admin.patch('/api/settings', { boardApprovalDate: '2026-02-30' })).status).toBe(400);
    expect((await manager.patch('/api/settings', { boardApprovalMinutesNo: '7' })).status).toBe(403);
    // Nothing of a refused change was kept.
    expect((await admin.get('/api/settings')).body.boardApprovalMinutesNo).toBe('4');

    const saved = await admin.patch('/api/settings', {
      boardApprovalMinutesNo: '7/2026',
      boardApprovalDate: '2026-06-15',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ boardApprovalMinutesNo: '7/2026', boardApprovalDate: '2026-06-15' });
    const html = await evidence();
    expect(html).toMatch(/بموجب المحضر رقم ٧\/٢٠٢٦ بتاريخ [^<]*١٥ يونيو ٢٠٢٦/);
    expect(html).not.toContain('المحضر رقم ٤ ');
    const audit = await admin.get('/api/audit?action=settings.updated');
    expect(audit.status).toBe(200);
    const entry = audit.body.items.find((i: { details: { fields?: string[] } }) =>
      i.details.fields?.includes('boardApprovalMinutesNo'),
    );
    expect(entry.details).toMatchObject({
      before: { boardApprovalMinutesNo: '4', boardApprovalDate: '2026-03-01' },
      after: { boardApprovalMinutesNo: '7/2026', boardApprovalDate: '2026-06-15' },
    });
  });
});

describe('the survey period on the settings screen', () => {
  it('is 30 days to begin with and accepts 1 to 365 whole days only', async () => {
    expect((await admin.get('/api/settings')).body.surveyIntervalDays).toBe(30);
    for (const bad of [0, 366, 2.5, '30'])
      expect((await admin.patch('/api/settings', { surveyIntervalDays: bad })).status).toBe(400);
    const saved = await admin.patch('/api/settings', { surveyIntervalDays: 45 });
    expect(saved.status).toBe(200);
    expect((await manager.get('/api/settings')).body.surveyIntervalDays).toBe(45);
  });
});

describe('the evidence report sections', () => {
  it('counts referrals (sent, answered) and declarations of the period', async () => {
    const first = await evidence();
    expect(section(first, '٨. الإحالات')).toContain('طلبات التحاق أُحيلت للتحقق: ٠');
    expect(section(first, '٩. إقرارات')).toContain('إقرارات سُجّلت في الفترة: ٠');

    // One application raised with a signed declaration; another referred to the execution officer and answered.
    const services = (await officer.get('/api/services')).body.items as { id: string }[];
    await raiseToCommittee(officer, ctx.branchIds.HQ!, [services[0]!.id]);
    const b = await officer.post(
      '/api/beneficiaries',
      beneficiaryInput(ctx.branchIds.HQ!, { confirmNotDuplicate: true }),
    );
    const app = await officer.post('/api/applications', {
      beneficiaryId: b.body.id,
      serviceIds: [services[0]!.id],
      channel: 'meeting',
    });
    const id = app.body.id as string;
    expect((await officer.post(`/api/applications/${id}/transitions`, { to: 'submitted' })).status).toBe(200);
    expect((await officer.post(`/api/applications/${id}/transitions`, { to: 'verifying' })).status).toBe(200);
    const referred = await officer.post(`/api/applications/${id}/transitions`, {
      to: 'referred',
      note: 'هل الخزان الأرضي صالح؟',
    });
    expect(referred.status).toBe(200);
    const html = await evidence();
    expect(section(html, '٨. الإحالات')).toContain('طلبات التحاق أُحيلت للتحقق: ١\nأُجيب عنها: ٠');
    const answered = await execution.post(`/api/applications/${id}/transitions`, {
      to: 'verifying',
      note: 'الخزان صالح وسليم',
    });
    expect(answered.status).toBe(200);
    const after = await evidence();
    expect(section(after, '٨. الإحالات')).toContain('طلبات التحاق أُحيلت للتحقق: ١\nأُجيب عنها: ١');
    const declarations = section(after, '٩. إقرارات');
    expect(declarations).toContain('إقرارات سُجّلت في الفترة: ١');
    expect(declarations).toContain('بتوقيع المتقدم: ١');
    expect(declarations).toContain('طلبات رُفعت للجنة دون إقرار: ٠');
    // Every section the issue names is there.
    for (const heading of [
      'طلبات الالتحاق ومدة القرار',
      'قنوات التواصل المستخدمة',
      'قياس رضا المستفيدين',
      'تقديم الخدمة في موقع المستفيد',
      'الإحالات إلى مسؤول التنفيذ',
      'إقرارات المتقدمين',
    ])
      expect(after).toContain(heading);
  });
});
