import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../src/common/dates';
import { ApiClient } from './api';
import {
  DESKTOP,
  guideScreenshot,
  launchBrowser,
  PHONE,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
} from './support';

// Issue 12 in the browser: the admin edits the survey period and the board's approval of the policy on the
// settings screen (with validation) and the evidence report cites it; a staff member opts in to the daily e-mail
// digest on their profile; every role opens the staff guide on its own page from the header's help link.

let server: RunningServer;
let browser: Browser;
const clients: Record<string, ApiClient> = {};
const ROLES = {
  admin: ['admin', 'دليل مدير النظام'],
  manager: ['manager', 'دليل المدير التنفيذي'],
  officer: ['officer', 'دليل مسؤول العلاقات'],
  execution: ['execution_officer', 'دليل مسؤول التنفيذ'],
  committee: ['committee', 'دليل عضو اللجنة'],
  branchrep: ['branch_rep', 'دليل مندوب الفرع'],
} as const;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  for (const username of Object.keys(ROLES)) clients[username] = await new ApiClient(server.url).login(username);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInPage(username: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'ar-SA' });
  await context.addCookies(clients[username]!.browserCookie());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function top(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('settings, digest and the staff guide', () => {
  it('the admin edits the survey period and the board approval with validation; the evidence report cites it', async () => {
    const { context, page } = await signedInPage('admin', DESKTOP);
    await page.goto(`${server.url}/admin/settings`);
    await page.getByRole('heading', { level: 1, name: 'إعدادات الجمعية' }).waitFor();
    const interval = page.getByLabel('أقل مدة بين دعوتي تقييم للشخص نفسه بالأيام');
    expect(await interval.inputValue()).toBe('30');
    const minutes = page.getByLabel('رقم المحضر');
    expect(await minutes.inputValue()).toBe('4');
    const date = page.getByLabel('تاريخ الاعتماد');
    expect(await date.inputValue()).toBe('2026-03-01');

    // Out of range and a future date: the errors say so and nothing is saved.
    await interval.fill('400');
    await date.fill(addDays(riyadhDate(new Date()), 3));
    await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
    await page.getByText('أدخل عدداً صحيحاً من ١ إلى ٣٦٥.').waitFor();
    await page.getByText('تاريخ اعتماد مجلس الإدارة لا يكون بعد اليوم.').waitFor();
    await top(page);
    await screenshot(page, 'guide-01-settings-errors-1440');
    expect((await clients.admin!.call('GET', '/api/settings')).surveyIntervalDays).toBe(30);

    await interval.fill('45');
    await minutes.fill('٥/2026');
    await date.fill('2026-04-12');
    await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
    await page.getByText('حُفظت الإعدادات.').waitFor();
    const saved = await clients.admin!.call('GET', '/api/settings');
    expect(saved).toMatchObject({
      surveyIntervalDays: 45,
      boardApprovalMinutesNo: '5/2026',
      boardApprovalDate: '2026-04-12',
    });
    await top(page);
    await guideScreenshot(page, 'guide-admin-settings-1440');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await top(page);
    await screenshot(page, 'guide-02-settings-390');
    await context.close();

    // The manager's evidence report cites the board's approval as saved.
    const report = await signedInPage('manager', DESKTOP);
    const today = riyadhDate(new Date());
    await report.page.goto(`${server.url}/api/reports/evidence?from=${today}&to=${today}`);
    await report.page.getByText(/بموجب المحضر رقم ٥\/٢٠٢٦ بتاريخ/).waitFor();
    await report.page.getByRole('heading', { name: '٨. الإحالات إلى مسؤول التنفيذ' }).waitFor();
    await report.page.getByRole('heading', { name: '٩. إقرارات المتقدمين' }).waitFor();
    await screenshot(report.page, 'guide-03-evidence-1440');
    await report.context.close();
  });

  it('an officer opts in to the daily digest on their profile: the address is required and checked (390)', async () => {
    const { context, page } = await signedInPage('officer', PHONE);
    await page.goto(`${server.url}/settings/profile`);
    await page.getByRole('heading', { name: 'الملخص اليومي بالبريد' }).waitFor();
    await page.getByText('أرسلوا لي الملخص اليومي').click();
    const save = page.getByRole('button', { name: 'حفظ', exact: true });
    await save.click();
    await page.getByText('يلزم البريد الإلكتروني لإرسال الملخص اليومي.').waitFor();
    await page.getByLabel('بريدي الإلكتروني').fill('noura@maa.org.sa');
    await save.click();
    await page.getByText('سيصلك الملخص صباح كل يوم عمل فيه ما يخصك.').waitFor();
    expect(await clients.officer!.call('GET', '/api/me/digest')).toEqual({ enabled: true, email: 'noura@maa.org.sa' });
    // From the top, so the sticky header is drawn once, where it belongs.
    await top(page);
    await guideScreenshot(page, 'guide-profile-digest-390');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('every role opens the staff guide on its own page from the header', async () => {
    for (const [username, [role, title]] of Object.entries(ROLES)) {
      const viewport = username === 'officer' || username === 'branchrep' ? PHONE : DESKTOP;
      const { context, page } = await signedInPage(username, viewport);
      await page.goto(`${server.url}/`);
      // On a phone the help link is in the menu.
      if (viewport === PHONE) {
        await page.getByRole('button', { name: 'فتح القائمة' }).click();
        if (username === 'officer') await screenshot(page, 'guide-06-menu-390');
      }
      await page.getByTestId('help-link').click();
      await page.waitForURL(new RegExp(`/guide/${role}$`));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'ما ينتظرك' }).waitFor();
      if (username === 'officer') {
        // The journeys' screenshot of the officer's home is in the officer's page.
        await page.getByRole('img', { name: 'عملي في الرئيسية' }).waitFor();
        await top(page);
        await screenshot(page, 'guide-04-officer-390');
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('link', { name: 'محتويات الدليل' }).click();
        await page.getByRole('heading', { level: 1, name: 'دليل الموظف في وصل' }).waitFor();
        await page.getByRole('link', { name: 'عضو اللجنة' }).click();
        await page.getByRole('heading', { level: 1, name: 'دليل عضو اللجنة' }).waitFor();
      }
      if (username === 'committee') {
        await top(page);
        await screenshot(page, 'guide-05-committee-1440');
      }
      await context.close();
    }
  });
});
