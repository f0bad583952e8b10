import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api';
import { raisedApplication } from './flows';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
} from './support';

// The administrator's first week (issue 22): the first-run checklist, the association's name and logo, a new
// branch, a new service, a change of the selection criteria previewed against the waiting applications and
// approved with its board minutes, a holiday typed in the Hijri calendar — and the checklist moving on.

const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAA5klEQVR4nO3Qyw2DUAwFURpJjekjTSdbhEAQ4DH+zJW895xpcs4Re70/3+XRPw3bWuzRo38/vSvRaTFGRKfBeDI+FAIRHgaCDscQ6FgUgg5EEegwFIEOwhHoGBSADkER6AAcgX4eBaAfRxHoh3EE+lkBSAD6URyBflIAEoB+EEegnxNAAAE4APoxHIF+SgABBGABuiBsxgsggAACVEfYjRdAgLoIh+MFEKAewt/xlRBOxwtQAOFyfGaE2+IFSIhwe3wmhGHxGRCGx0eFeDQ8GgIWP1/b8Plaxy/XMnprLaP31irWBd4PcrilhZ/yn+0AAAAASUVORK5CYII=',
  'base64',
);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const officer = await new ApiClient(server.url).login('officer', 'wasl-demo-2026');
  // Two applications wait for the committee, so the criteria preview has something to re-rank.
  await raisedApplication(officer, 'tank_delivery');
  await raisedApplication(officer, 'tank_delivery', ['سعد', 'فهد', 'ناصر', 'الدوسري'], {
    monthlyIncome: 9000,
    water: { source: 'tank', storageLitres: 1000, peopleAtHome: 11 },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('اسم المستخدم').fill('admin');
  await page.getByLabel('كلمة المرور').fill('wasl-demo-2026');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  // The sign-in page has a heading of its own: wait until the app has left it, or the next goto races the login.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

const stepState = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });

describe('the administrator sets the association up', () => {
  it('at 1440: checklist → organisation → branch → service → criteria with preview → checklist shows progress', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ar-SA' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page);

      // The home page points the admin at the checklist until it is complete.
      await page.getByRole('link', { name: 'أكمل الإعداد' }).click();
      await page.getByRole('heading', { level: 1, name: 'الإعداد الأولي للجمعية' }).waitFor();
      const before = await page
        .getByText(/أُنجز .* من .* خطوات/)
        .first()
        .textContent();
      expect(await stepState(page, 'بيانات الجمعية').getByText('لم تكتمل').count()).toBe(1);
      expect(await stepState(page, 'معايير الاختيار').getByText('لم تكتمل').count()).toBe(1);
      expect(await page.locator('html[dir=rtl]').count()).toBe(1);
      await screenshot(page, 'setup-checklist-1440');
      expect(await seriousViolations(page)).toEqual([]);

      // Organisation: the name and the logo.
      await stepState(page, 'بيانات الجمعية').getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'الجمعية والإعدادات' }).waitFor();
      await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO });
      await page.getByText('حُفظ الشعار').waitFor();
      await page.getByRole('img', { name: 'شعار الجمعية الحالي' }).waitFor();
      const name = page.getByLabel('اسم الجمعية بالعربية');
      await name.fill('جمعية ماء لخدمات المياه');
      // Leaving with unsaved changes asks first; staying keeps the typed name.
      page.once('dialog', (dialog) => dialog.dismiss());
      await page.getByRole('link', { name: 'الفروع' }).first().click();
      expect(page.url()).toContain('/admin/organisation');
      expect(await name.inputValue()).toBe('جمعية ماء لخدمات المياه');
      await page.getByRole('button', { name: 'حفظ التغييرات' }).click();
      await page.getByText('حُفظت التغييرات.').waitFor();
      // The header shows the new name and the uploaded logo.
      await page.getByRole('banner').getByText('جمعية ماء لخدمات المياه').first().waitFor();
      await screenshot(page, 'setup-organisation-1440');
      expect(await seriousViolations(page)).toEqual([]);

      // The committee tab: a change of quorum says so before it is saved (the demo's is a fixed two; a majority of
      // the meeting's members is the other choice).
      await page.getByRole('tab', { name: 'اللجنة والقرارات' }).click();
      await page.getByRole('radio', { name: /أغلبية أعضاء الاجتماع/ }).check({ force: true });
      await page.getByText(/هذا التغيير يغيّر النصاب/).waitFor();
      await screenshot(page, 'setup-quorum-warning-1440');
      await page.getByRole('button', { name: 'حفظ التغييرات' }).click();
      await page.getByText(/تغيّر النصاب من/).waitFor();

      // A new branch with its areas.
      await page.goto(`${server.url}/admin/branches`);
      await page.getByRole('button', { name: 'إضافة فرع' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('رمز الفرع').fill('NRT');
      await dialog.getByLabel('اسم الفرع بالعربية').fill('المكتب الفرعي — الشمال');
      await dialog.getByLabel('اسم الفرع بالإنجليزية').fill('North branch');
      await dialog.getByLabel('الأحياء والقرى').fill('البدائع\nالقصيعة');
      await dialog.getByRole('button', { name: 'إضافة الفرع' }).click();
      await page.getByText(/أُضيف المكتب الفرعي — الشمال/).waitFor();
      await page.getByRole('heading', { name: 'المكتب الفرعي — الشمال' }).waitFor();
      await screenshot(page, 'setup-branches-1440');

      // A new recurring service with a required document.
      await page.goto(`${server.url}/admin/services`);
      await page.getByRole('button', { name: 'إضافة خدمة' }).click();
      const sd = page.getByRole('dialog');
      await sd.getByLabel('رمز الخدمة').fill('filter_service');
      await sd.getByLabel('اسم الخدمة بالعربية').fill('صيانة فلتر منزلي');
      await sd.getByLabel('اسم الخدمة بالإنجليزية').fill('Home filter service');
      await sd.getByRole('radio', { name: 'متكررة' }).check({ force: true });
      await sd.getByLabel('الأيام بين كل مرتين').fill('90');
      await sd.getByRole('button', { name: 'إضافة مستند' }).click();
      await sd.getByLabel('المستند 1 (بالعربية)').fill('صورة فاتورة الكهرباء');
      await sd.getByLabel('بالإنجليزية', { exact: true }).fill('Electricity bill');
      await sd.getByRole('button', { name: 'إضافة الخدمة' }).click();
      await page.getByText('أُضيفت خدمة صيانة فلتر منزلي.').waitFor();
      const added = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'صيانة فلتر منزلي' }) });
      expect(await added.getByText('كل ٩٠ يوماً').count()).toBe(1);
      expect(await added.getByText('صورة فاتورة الكهرباء').count()).toBe(1);
      await screenshot(page, 'setup-services-1440');

      // The criteria: more weight on the household's size, previewed, then approved with the board minutes.
      await page.goto(`${server.url}/admin/criteria`);
      await page.getByRole('heading', { name: /الإصدار المعمول به/ }).waitFor();
      const weights = page.getByLabel('الوزن');
      // More weight on income, less on the household's size: the poorer, smaller household moves up.
      await weights.nth(0).fill('40');
      await weights.nth(1).fill('5');
      await page.getByText('مجموع الأوزان: ١٠٠ من ١٠٠').waitFor();
      await page.getByRole('button', { name: 'معاينة الأثر على الطلبات الحالية' }).click();
      await page.getByRole('heading', { name: 'أثر التعديل على ترتيب الطلبات المنتظرة' }).waitFor();
      await page.getByText(/الطلبات المنتظرة: ٢/).waitFor();
      expect(await page.getByRole('table').getByRole('row').count()).toBe(3);
      await page.getByText(/يتقدم ١/).waitFor();
      await page.getByLabel('رقم محضر مجلس الإدارة').fill('محضر مجلس الإدارة رقم ٥');
      await screenshot(page, 'setup-criteria-preview-1440');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'اعتماد الإصدار الجديد' }).click();
      await page.getByText(/اعتُمد الإصدار ٢/).waitFor();
      await page
        .getByText(/اعتمده محضر مجلس الإدارة رقم ٥/)
        .first()
        .waitFor();

      // A holiday typed in the Hijri calendar.
      await page.goto(`${server.url}/admin/settings`);
      await page.getByLabel('اسم الإجازة').fill('إجازة عيد الأضحى');
      const from = page.getByRole('group', { name: 'من' });
      const to = page.getByRole('group', { name: 'إلى' });
      await from.getByLabel('اليوم').fill('9');
      await from.getByLabel('الشهر').fill('12');
      await from.getByLabel('السنة').fill('1448');
      await to.getByLabel('اليوم').fill('13');
      await to.getByLabel('الشهر').fill('12');
      await to.getByLabel('السنة').fill('1448');
      await page.getByText('مدة الإجازة: ٥ يوم').waitFor();
      await page.getByRole('button', { name: 'إضافة الإجازة' }).click();
      await page.getByRole('list', { name: 'الإجازات الرسمية' }).getByText('إجازة عيد الأضحى').waitFor();
      await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
      await page.getByText('حُفظت الإعدادات.').waitFor();
      await screenshot(page, 'setup-holidays-1440');

      // The checklist has moved on.
      await page.goto(`${server.url}/admin/setup`);
      await page.getByRole('heading', { level: 1, name: 'الإعداد الأولي للجمعية' }).waitFor();
      await page
        .getByText(/أُنجز .* من .* خطوات/)
        .first()
        .waitFor();
      const debug = `${await page.locator('main').textContent()}\n${server.logs().slice(-3000)}`;
      expect(await stepState(page, 'بيانات الجمعية').getByText('مكتملة').count(), debug).toBe(1);
      expect(await stepState(page, 'معايير الاختيار').getByText('مكتملة').count()).toBe(1);
      expect(await stepState(page, 'تقويم العمل').getByText('مكتملة').count()).toBe(1);
      const after = await page
        .getByText(/أُنجز .* من .* خطوات/)
        .first()
        .textContent();
      expect(after).not.toBe(before);
      await screenshot(page, 'setup-checklist-after-1440');

      // Knowledge acknowledgements: who has not read the bylaws' version in force, and a reminder to them.
      const admin = await new ApiClient(server.url).login('admin', 'wasl-demo-2026');
      const docs = await admin.call<{ items: { id: string; kind: string }[] }>('GET', '/api/knowledge');
      const bylaws = docs.items.find((d) => d.kind === 'bylaws')!;
      await page.goto(`${server.url}/knowledge/${bylaws.id}`);
      await page.getByRole('heading', { name: /من اطلع على الإصدار/ }).waitFor();
      expect(await page.getByText('لم يطلع').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'تذكير من لم يطلع' }).click();
      await page.getByText(/أُرسل تذكير إلى/).waitFor();
      await page.getByText(/ذُكّر/).first().waitFor();
      await screenshot(page, 'setup-acknowledgements-1440');
    } finally {
      await context.close();
    }
  });

  it('at 390: every set-up screen fits a phone in Arabic', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page);
    for (const [path, heading, shot] of [
      ['/admin/setup', 'الإعداد الأولي للجمعية', 'setup-checklist-390'],
      ['/admin/organisation', 'الجمعية والإعدادات', 'setup-organisation-390'],
      ['/admin/organisation?tab=cases', 'الجمعية والإعدادات', 'setup-sla-390'],
      ['/admin/branches', 'الفروع', 'setup-branches-390'],
      ['/admin/services', 'خدمات الجمعية', 'setup-services-390'],
      ['/admin/criteria', 'آلية اختيار المستفيدين', 'setup-criteria-390'],
      ['/admin/settings', 'إعدادات الجمعية', 'setup-holidays-390'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: 'جارٍ' })
        .waitFor({ state: 'detached' })
        .catch(() => {});
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await screenshot(page, shot);
    }
    await page.goto(`${server.url}/admin/criteria`);
    await page.getByLabel('الوزن').nth(0).fill('25');
    await page.getByLabel('الوزن').nth(1).fill('20');
    await page.getByRole('button', { name: 'معاينة الأثر على الطلبات الحالية' }).click();
    await page.getByRole('heading', { name: 'أثر التعديل على ترتيب الطلبات المنتظرة' }).waitFor();
    await screenshot(page, 'setup-criteria-preview-390');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
