import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits } from '../src/common/arabic';
import { addDays, gregorianToHijri, hijriToGregorian, riyadhDate } from '../src/common/dates';
import { ApiClient } from './api';
import { raisedApplication } from './flows';
import {
  DESKTOP,
  screenshot as fullScreenshot,
  launchBrowser,
  PHONE,
  type RunningServer,
  seriousViolations,
  startServer,
} from './support';

// Reports and the admin's message screens: (a) the manager reads the dashboard for this Gregorian month and this
// Hijri month — the figures on the page match the API's for the same days — downloads an Excel list and opens the
// governance evidence report, and looks at a colleague's own figures; (b) the officer sees the reduced dashboard,
// without satisfaction; (c) the admin sees the demo outbox with the messages the set-up sent, edits a template with
// its live preview, switches an outreach rule off and runs the rules, edits the survey questions and opens the
// association settings.

let server: RunningServer;
let browser: Browser;
let officer: ApiClient;
let manager: ApiClient;
let admin: ApiClient;
let officerId = '';
let reference = '';

const today = riyadhDate(new Date());

/** Kpis as the API gives them (only what the test compares). */
type Kpis = {
  decisions: { received: number };
  cases: { total: number; resolution: { resolved: number } };
  satisfaction: { responses: number; average: number | null; invitationsSent: number } | null;
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  [officer, manager, admin] = (await Promise.all(
    ['officer', 'manager', 'admin'].map((u) => new ApiClient(server.url).login(u)),
  )) as [ApiClient, ApiClient, ApiClient];
  officerId = (await officer.call('GET', '/api/auth/session')).user.id;

  // An application raised to the committee (its SMS lands in the outbox), and three cases on three channels owned by
  // the officer; two are resolved, which sends each caller a survey link that they answer.
  reference = (await raisedApplication(officer, 'tank_delivery')).reference;
  const cases = [
    { kind: 'complaint', channel: 'phone', mobile: '0551112233', resolve: true },
    { kind: 'inquiry', channel: 'website', mobile: '0551112244', resolve: true },
    { kind: 'suggestion', channel: 'meeting', mobile: '0551112255', resolve: false },
  ];
  for (const c of cases) {
    const created = await officer.call('POST', '/api/cases', {
      kind: c.kind,
      channel: c.channel,
      subject: 'موعد توصيل الصهريج',
      description: 'يسأل المتصل عن موعد التوصيل القادم.',
      contactName: 'سالم الدوسري',
      contactMobile: c.mobile,
    });
    await officer.call('PATCH', `/api/cases/${created.id}`, { ownerUserId: officerId });
    await officer.call('POST', `/api/cases/${created.id}/transitions`, { to: 'in_progress' });
    if (c.resolve)
      await officer.call('POST', `/api/cases/${created.id}/transitions`, { to: 'resolved', note: 'أُبلغ بالموعد.' });
  }
  const outbox = await admin.call('GET', '/api/notifications?limit=50');
  const links = outbox.items.filter((m: { templateKey: string }) => m.templateKey === 'survey_link');
  expect(links).toHaveLength(2);
  for (const [i, link] of links.entries()) {
    const token = /\/portal\/survey\/([\w-]+)/.exec(link.body)?.[1];
    await officer.call('POST', `/api/portal/surveys/${token}`, {
      answers: { overall: i === 0 ? 5 : 4, need_met: true },
      anonymous: false,
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(client: ApiClient, viewport: { width: number; height: number }) {
  const context: BrowserContext = await browser.newContext({ viewport, locale: 'ar-SA' });
  await context.addCookies(client.browserCookie());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** A full-page screenshot from the top, so the sticky header sits where it belongs. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return fullScreenshot(page, name);
}

async function noSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A headline figure as shown (digits and the decimal mark made Latin, so it compares with the API's number). */
async function shown(page: Page, kpi: string): Promise<string> {
  const text = (await page.locator(`[data-kpi="${kpi}"]`).textContent()) ?? '';
  return toLatinDigits(text).replace(/٫/g, '.').trim();
}

/** The figures the page shows match the API's for the same days. */
async function expectSameFigures(page: Page, api: Kpis) {
  await expect.poll(() => shown(page, 'decisions.received')).toBe(String(api.decisions.received));
  await expect.poll(() => shown(page, 'cases.total')).toBe(String(api.cases.total));
  await expect.poll(() => shown(page, 'cases.resolved')).toBe(String(api.cases.resolution.resolved));
  if (api.satisfaction) {
    await expect.poll(() => shown(page, 'satisfaction.responses')).toBe(String(api.satisfaction.responses));
    await expect.poll(() => shown(page, 'satisfaction.average')).toBe(`${api.satisfaction.average} من 5`);
    await expect.poll(() => shown(page, 'satisfaction.invitations')).toBe(String(api.satisfaction.invitationsSent));
  }
}

function gregorianMonthNow() {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: `${today.slice(0, 8)}01`, to: addDays(next, -1) };
}

function hijriMonthNow() {
  const { year, month } = gregorianToHijri(today);
  const from = hijriToGregorian(year, month, 1) ?? '';
  const to = hijriToGregorian(year, month, 30) ?? hijriToGregorian(year, month, 29) ?? '';
  return { from, to };
}

describe('reports: the dashboard, exports and evidence; the admin message and outreach screens', () => {
  it('(a) the manager reads this Gregorian and this Hijri month, downloads Excel, opens the evidence report', async () => {
    const { context, page } = await open(manager, DESKTOP);
    await page.goto(`${server.url}/reports`);
    await heading(page, 'التقارير ومؤشرات الأداء').waitFor();
    await expect
      .poll(() =>
        page.getByRole('navigation', { name: 'القائمة الرئيسية' }).locator('[aria-current="page"]').textContent(),
      )
      .toBe('التقارير والمؤشرات');

    // This Gregorian month (the default).
    const gregorian = gregorianMonthNow();
    const g: Kpis = await manager.call('GET', `/api/reports/kpis?from=${gregorian.from}&to=${gregorian.to}`);
    expect(g.cases.total).toBe(3);
    expect(g.decisions.received).toBeGreaterThanOrEqual(1);
    expect(g.satisfaction?.responses).toBe(2);
    await expectSameFigures(page, g);
    expect(await page.getByText(/محسوبة بالأشهر الميلادية الكاملة/).count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'قياس رضا المستفيد' }).waitFor();

    // Every chart has its table: the cases by kind, opened.
    await page.getByText('عرض البيانات في جدول: الحالات حسب النوع').click();
    const byKind = page.getByRole('table', { name: 'الحالات حسب النوع' });
    await expect.poll(() => byKind.getByRole('row', { name: /شكوى/ }).textContent()).toContain('١');
    await screenshot(page, 'reports-01-dashboard-gregorian-1440');
    await noSeriousViolations(page);

    // This Hijri month: the days change to the Umm al-Qura month and the figures follow.
    await page.getByRole('radio', { name: 'شهر هجري' }).click();
    await page.waitForURL(/cal=h/);
    const hijri = hijriMonthNow();
    const monthButton = page.getByRole('button', { name: /الشهر/ });
    await expect.poll(() => monthButton.textContent()).toContain('هـ');
    const h: Kpis = await manager.call('GET', `/api/reports/kpis?from=${hijri.from}&to=${hijri.to}`);
    await expectSameFigures(page, h);
    // Survey answers keep only their Gregorian month, and the page says so for a Hijri month.
    await page.getByText(/إجابات الاستبيان محسوبة بالأشهر الميلادية الكاملة/).waitFor();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'reports-02-dashboard-hijri-390');
    await noSeriousViolations(page);
    await page.setViewportSize(DESKTOP);

    // A colleague's own figures (the manager may look, to support them; no ranking anywhere).
    const mine = page.getByRole('region', { name: 'أرقامي' });
    await mine.getByRole('button', { name: /أرقام/ }).click();
    await page.getByRole('option', { name: 'نورة السبيعي', exact: true }).click();
    const figures = await manager.call(
      'GET',
      `/api/reports/my-figures?from=${hijri.from}&to=${hijri.to}&userId=${officerId}`,
    );
    expect(figures.casesOwned).toBe(3);
    await expect.poll(() => shown(page, 'mine.owned')).toBe(String(figures.casesOwned));
    await expect.poll(() => shown(page, 'mine.resolved')).toBe(String(figures.casesResolved));

    // Excel download: a real .xlsx (a ZIP file).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'تنزيل طلبات الالتحاق بصيغة Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^wasl-applications-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    // The governance evidence report, printable, in a new tab, for the same days.
    const [evidence] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: /تقرير شواهد تطبيق السياسة/ }).click(),
    ]);
    await evidence.getByRole('heading', { level: 1, name: /تقرير شواهد تطبيق سياسة/ }).waitFor();
    expect(evidence.url()).toContain(`from=${hijri.from}&to=${hijri.to}`);
    await screenshot(evidence, 'reports-03-evidence-1440');
    await context.close();
  });

  it('(b) the officer sees the reduced dashboard: no satisfaction, no exports, their own figures', async () => {
    const { context, page } = await open(officer, DESKTOP);
    await page.goto(`${server.url}/reports`);
    await heading(page, 'التقارير ومؤشرات الأداء').waitFor();
    await page.getByText(/نتائج قياس رضا المستفيد يطّلع عليها المدير التنفيذي/).waitFor();
    await expect.poll(() => shown(page, 'cases.total')).toBe('3');
    expect(await page.getByRole('heading', { name: 'قياس رضا المستفيد' }).count()).toBe(0);
    expect(await page.locator('[data-kpi^="satisfaction."]').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'تصدير البيانات' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /تقرير شواهد/ }).count()).toBe(0);
    await expect.poll(() => shown(page, 'mine.owned')).toBe('3');
    await page.getByText(/ليست للمقارنة بين الزملاء/).waitFor();
    await screenshot(page, 'reports-04-officer-reduced-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'reports-04-officer-reduced-390');
    await context.close();
  });

  it('(c) the admin: outbox in demo mode, a template with its preview, outreach rules, survey, settings', async () => {
    const { context, page } = await open(admin, DESKTOP);

    // The outbox: demo mode says messages stay here; the application's SMS is shown as the phone would show it.
    await page.goto(`${server.url}/admin/outbox`);
    await heading(page, 'الرسائل الصادرة').waitFor();
    await page.getByRole('heading', { name: 'وضع التجربة' }).waitFor();
    const raised = page.getByRole('article', { name: 'رفع الطلب للجنة — رسالة نصية' });
    await expect.poll(() => raised.textContent()).toContain(`رُفع طلبكم رقم ${reference}`);
    await page.getByRole('article', { name: 'رابط قياس الرضا — رسالة نصية' }).first().waitFor();
    await screenshot(page, 'reports-05-outbox-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'reports-05-outbox-390');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('radio', { name: 'توقف الإرسال' }).click();
    await page.getByText('لا توجد رسائل بهذه الحالة.').waitFor();

    // A template: new words, the preview fills the variables with sample values, saved.
    await page.goto(`${server.url}/admin/templates`);
    await heading(page, 'قوالب الرسائل').waitFor();
    await page.getByRole('button', { name: 'تعديل قالب رفع الطلب للجنة — رسالة نصية' }).click();
    const dialog = page.getByRole('dialog', { name: 'تعديل قالب رسالة' });
    const text = 'رُفع طلبكم {{reference}} إلى اللجنة، والقرار المتوقع: {{expectedDate}}. شكراً لصبركم.';
    await dialog.getByLabel('نص الرسالة').fill(text);
    const preview = dialog.getByRole('region', { name: 'معاينة الرسالة بقيم تجريبية' });
    await expect.poll(() => preview.textContent()).toContain('رُفع طلبكم APP-2026-00012 إلى اللجنة');
    await expect.poll(() => preview.textContent()).toContain('شكراً لصبركم.');
    expect(await preview.textContent()).not.toContain('{{');
    await screenshot(page, 'reports-06-template-editor-1440');
    await noSeriousViolations(page);
    await dialog.getByRole('button', { name: 'حفظ القالب' }).click();
    await page.getByText('حُفظ قالب رفع الطلب للجنة — رسالة نصية.').waitFor();
    const templates = await admin.call('GET', '/api/message-templates');
    const saved = templates.items.find(
      (t: { key: string; channel: string }) => t.key === 'application_raised' && t.channel === 'sms',
    );
    expect(saved).toMatchObject({ body: text, customised: true });

    // Outreach: one rule switched off, then the rules run now.
    await page.goto(`${server.url}/admin/outreach`);
    await heading(page, 'الوصول دون طلب').waitFor();
    const noContact = page.getByRole('switch', { name: /تفعيل القاعدة — مستفيد لم نتواصل معه/ });
    expect(await noContact.isChecked()).toBe(true);
    // The switch's input is visually hidden inside its label; a person presses the label.
    await noContact.locator('xpath=ancestor::label').click();
    await page.getByText('أُوقفت قاعدة «مستفيد لم نتواصل معه».').waitFor();
    await expect.poll(() => noContact.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'تشغيل الآن' }).click();
    await page.getByText(/^اكتمل التشغيل\./).waitFor();
    await page.getByRole('cell', { name: 'يدوي' }).waitFor();
    const outreach = await admin.call('GET', '/api/outreach/rules');
    expect(outreach.rules.find((r: { key: string }) => r.key === 'no_contact').enabled).toBe(false);
    expect(outreach.runs).toHaveLength(1);
    expect(outreach.runs[0].trigger).toBe('manual');
    expect(outreach.runs[0].results.no_contact).toBeUndefined();
    await screenshot(page, 'reports-07-outreach-1440');
    await noSeriousViolations(page);

    // Survey questions: a yes/no question added and saved.
    await page.goto(`${server.url}/admin/survey`);
    await heading(page, 'أسئلة قياس رضا المستفيد').waitFor();
    await page.getByRole('button', { name: 'إضافة سؤال نعم أو لا' }).click();
    await page.getByLabel('نص السؤال بالعربية').last().fill('هل كان الموظف واضحاً في شرح الإجراءات؟');
    await page.getByRole('button', { name: 'حفظ الأسئلة' }).click();
    await page.getByText(/^حُفظت الأسئلة/).waitFor();
    const questions = await admin.call('GET', '/api/surveys/questions');
    expect(questions.items.map((q: { kind: string }) => q.kind)).toEqual(['rating', 'yes_no', 'text', 'yes_no']);
    await screenshot(page, 'reports-08-survey-1440');
    await noSeriousViolations(page);

    // Association settings: the appeal window changed.
    await page.goto(`${server.url}/admin/settings`);
    await heading(page, 'إعدادات الجمعية').waitFor();
    await page.getByLabel('مدة التظلم بعد الرفض بالأيام').fill('45');
    await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
    await page.getByText('حُفظت الإعدادات.').waitFor();
    expect((await admin.call('GET', '/api/settings')).appealWindowDays).toBe(45);
    await screenshot(page, 'reports-09-settings-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'reports-09-settings-390');
    await context.close();
  });

  it('(d) the menu marks only the longest matching page as current', async () => {
    const execution = await new ApiClient(server.url).login('execution');
    const { context, page } = await open(execution, DESKTOP);
    await page.goto(`${server.url}/deliveries/today`);
    const current = page.getByRole('navigation', { name: 'القائمة الرئيسية' }).locator('[aria-current="page"]');
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.textContent()).toBe('زياراتي اليوم');
    await context.close();
  });
});
