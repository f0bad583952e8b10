import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_HEADERS, sampleRows, sampleXlsx } from '../src/server/modules/imports/test-sheets';
import { DEMO_PASSWORD } from '../src/server/seed/demo-users';
import { ApiClient } from './api';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
} from './support';

// A manager brings an association's sheet in: uploads a small Arabic .xlsx, corrects the one column the mapping
// could not guess, reads the dry run, imports, then reviews the suspected pair the import found, merges it, and
// undoes the merge.

let server: RunningServer;
let browser: Browser;
let existing: { nationalId: string; mobile: string };
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const officer = await new ApiClient(server.url).login('officer');
  const branches = await officer.call('GET', '/api/branches');
  const nationalId = '1000000008';
  await officer.call('POST', '/api/beneficiaries', {
    nationalId,
    firstName: 'خالد',
    fatherName: 'ناصر',
    grandfatherName: 'علي',
    familyName: 'الدوسري',
    gender: 'male',
    birthDate: { calendar: 'gregorian', date: '1975-04-12' },
    mobile: '0509990001',
    district: 'الملز',
    branchId: branches.items[0].id,
    household: [],
    monthlyIncome: 2000,
    housing: 'rented',
    familyStatus: 'married',
    water: { source: 'tank', storageLitres: 500, peopleAtHome: 3 },
    consent: { accepted: true, channel: 'meeting' },
    // No household listed: the stated people at home is confirmed (issue 12).
    householdConfirmed: true,
  });
  existing = { nationalId, mobile: '+966509990001' };
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await page.getByRole('heading', { level: 1, name: /مرحباً/ }).waitFor();
}

describe('registry import and duplicate review', () => {
  it('imports a sheet with a corrected mapping, then merges a suspected pair and undoes it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ar-SA' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, 'manager');
    await page.getByRole('link', { name: 'استيراد السجل' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'استيراد سجل المستفيدين' }).waitFor();

    // The mobile column carries a header no rule knows.
    const headers = SAMPLE_HEADERS.map((h) => (h === 'الجوال' ? 'رقم للتواصل مع الأسرة' : h));
    const { rows } = sampleRows(7, existing.nationalId, existing.mobile);
    const xlsx = await sampleXlsx(rows, headers);
    await page.locator('input[type=file]').setInputFiles({
      name: 'سجل المستفيدين.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });
    await page.getByRole('button', { name: 'رفع الملف وقراءة الأعمدة' }).click();
    await page.getByRole('heading', { name: 'ربط أعمدة الجدول بحقول السجل' }).waitFor();
    await page.getByText(/قُرئ ١٠ صفاً/).waitFor();

    // Without the mobile the dry run is refused with the reason.
    await page.getByRole('button', { name: 'فحص تجريبي' }).click();
    await page.getByText(/اربط الأعمدة المطلوبة/).waitFor();
    await page.getByRole('button', { name: /الجوال \*/ }).click();
    await page.getByRole('option', { name: 'رقم للتواصل مع الأسرة', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-mapping-1440');

    await page.getByRole('button', { name: 'فحص تجريبي' }).click();
    await page.getByRole('heading', { name: 'الصفوف التي تحتاج انتباهاً' }).waitFor();
    const counts = page.locator('dl');
    await expect.poll(() => counts.textContent()).toMatch(/الصفوف\s*١٠/);
    expect(await counts.textContent()).toMatch(/غير صالحة\s*٣/);
    expect(await counts.textContent()).toMatch(/مكررة\s*٢/);
    await page.getByText(/خانة التحقق لا تطابق/).waitFor();
    await page.getByText(/يكرر الصف ٣/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-dry-run-1440');

    await page.getByRole('button', { name: /استيراد ٤ ملفاً/ }).click();
    await page.getByText('اكتمل الاستيراد: أُنشئ ٤ ملفاً.').waitFor();
    await screenshot(page, 'import-done-1440');

    await page.getByRole('link', { name: 'مراجعة الملفات المشتبه بتكرارها' }).click();
    await page.getByRole('heading', { level: 1, name: 'مراجعة الملفات المشتبه بتكرارها' }).waitFor();
    const pair = page.getByRole('listitem').filter({ hasText: 'خالد ناصر علي الدوسري' }).first();
    await pair.getByRole('button', { name: 'مقارنة' }).click();
    await page.getByRole('button', { name: 'دمج الملفين' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'duplicates-compare-1440');
    await page.getByRole('button', { name: 'دمج الملفين' }).click();
    await page.getByText(/ونُقلت إليه طلباته/).waitFor();
    await page.getByRole('tab', { name: 'مدموجة' }).click();
    await page.getByText('خالد ناصر علي الدوسري').first().waitFor();
    await page.getByRole('button', { name: 'التراجع عن الدمج' }).click();
    await page.getByText('أُلغي الدمج وعاد الملفان كما كانا.').waitFor();
    await page.getByRole('tab', { name: 'بانتظار المراجعة' }).click();
    await page.getByRole('listitem').filter({ hasText: 'خالد ناصر علي الدوسري' }).first().waitFor();
    await screenshot(page, 'duplicates-undone-1440');
    await context.close();
  });

  it('both screens on a phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, 'manager');
    await page.goto(`${server.url}/beneficiaries/import`);
    await page.getByRole('heading', { level: 1, name: 'استيراد سجل المستفيدين' }).waitFor();
    const { rows } = sampleRows(8, existing.nationalId, existing.mobile);
    await page.locator('input[type=file]').setInputFiles({
      name: 'registry.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sampleXlsx(rows),
    });
    await page.getByRole('button', { name: 'رفع الملف وقراءة الأعمدة' }).click();
    await page.getByRole('button', { name: 'فحص تجريبي' }).click();
    await page.getByRole('heading', { name: 'الصفوف التي تحتاج انتباهاً' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-dry-run-390');
    await page.goto(`${server.url}/beneficiaries/duplicates`);
    await page.getByRole('button', { name: 'مقارنة' }).first().click();
    await page.getByRole('button', { name: 'دمج الملفين' }).waitFor();
    await screenshot(page, 'duplicates-compare-390');
    await context.close();
  });

  it('an admin tunes the duplicate rules; a manager reads the data-quality counts and opens a list', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ar-SA' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'قواعد التكرار' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'أوزان قواعد التكرار وحدّ الاشتباه' }).waitFor();
    const threshold = page.getByLabel('حد الاشتباه (١٠–١٠٠)');
    await threshold.fill('٥');
    await page.getByRole('button', { name: 'حفظ القواعد' }).click();
    await page.getByText(/الأوزان من ٠ إلى ١٠٠/).waitFor();
    await threshold.fill('٦٠');
    await page.getByRole('button', { name: 'كم زوجاً تجد هذه القواعد؟' }).click();
    await page.getByText(/بهذه القواعد يُعثر الآن على/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'duplicate-rules-1440');
    await page.getByRole('button', { name: 'حفظ القواعد' }).click();
    await page.getByText('حُفظت القواعد.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('حد الاشتباه (١٠–١٠٠)').inputValue()).toBe('٦٠');
    await context.close();

    const phone = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const managerPage = await phone.newPage();
    managerPage.setDefaultTimeout(20_000);
    await signIn(managerPage, 'manager');
    await managerPage.goto(`${server.url}/beneficiaries/quality`);
    await managerPage.getByRole('heading', { level: 1, name: 'جودة بيانات السجل' }).waitFor();
    await managerPage.getByText('بلا موقع للمنزل').waitFor();
    expect(await seriousViolations(managerPage)).toEqual([]);
    await screenshot(managerPage, 'data-quality-390');
    // The sheets imported above carry no pins: their files are listed under "no home location".
    await managerPage.locator('a[href="/beneficiaries/quality/missing_location"]').click();
    await managerPage.getByRole('heading', { level: 1, name: /الملفات: بلا موقع للمنزل/ }).waitFor();
    await managerPage.getByRole('link', { name: 'خالد ناصر علي الدوسري' }).first().waitFor();
    await screenshot(managerPage, 'data-quality-list-390');
    await phone.close();
  });

  it('keeps invalid rows as files that need correction, and a manager corrects one', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ar-SA' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'manager');
    await page.goto(`${server.url}/beneficiaries/import`);
    await page.getByRole('heading', { level: 1, name: 'استيراد سجل المستفيدين' }).waitFor();
    const { rows } = sampleRows(9, existing.nationalId, existing.mobile);
    await page.locator('input[type=file]').setInputFiles({
      name: 'keep.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sampleXlsx(rows),
    });
    await page.getByRole('button', { name: 'رفع الملف وقراءة الأعمدة' }).click();
    await page.getByRole('button', { name: 'فحص تجريبي' }).click();
    await page.getByRole('heading', { name: 'الصفوف التي تحتاج انتباهاً' }).waitFor();
    const keep = page.getByRole('checkbox', { name: /الاحتفاظ بالصفوف غير الصالحة/ });
    await page.getByText(/الاحتفاظ بالصفوف غير الصالحة/).click();
    expect(await keep.isChecked()).toBe(true);
    await screenshot(page, 'import-keep-invalid-1440');
    await page.getByRole('button', { name: /استيراد ٤ ملفاً/ }).click();
    await page.getByText('اكتمل الاستيراد: أُنشئ ٤ ملفاً.').waitFor();

    await page.goto(`${server.url}/beneficiaries/quality`);
    await page.getByText('صفوف مستوردة تحتاج إلى تصحيح').waitFor();
    await page.locator('a[href="/beneficiaries/quality/corrections"]').click();
    await page.getByRole('heading', { level: 1, name: 'صفوف مستوردة تحتاج إلى تصحيح' }).waitFor();
    await page
      .getByText(/رقم الجوال|الجوال/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-corrections-1440');
    await page.getByRole('link', { name: 'هند صالح' }).click();
    await page.getByRole('heading', { level: 1, name: 'تصحيح صف مستورد' }).waitFor();
    const name = page.getByLabel('الاسم الرباعي (خلية واحدة)');
    expect(await name.inputValue()).toBe('هند صالح');
    await name.fill('هند صالح علي الحربي');
    // The mobile is still a landline: refused, with the reason under the field.
    await page.getByRole('button', { name: 'حفظ التصحيح وإنشاء الملف' }).click();
    await page.getByText('ما زالت القيم المصحَّحة لا تستوفي شروط التسجيل.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-correct-row-1440');
    await page.getByLabel('الجوال', { exact: true }).fill('0551234987');
    await page.getByRole('button', { name: 'حفظ التصحيح وإنشاء الملف' }).click();
    await page.getByText(/أُنشئ الملف رقم/).waitFor();
    await page.getByRole('link', { name: 'فتح الملف' }).click();
    await page.getByText('هند صالح علي الحربي').first().waitFor();
    await context.close();

    const phone = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const phonePage = await phone.newPage();
    phonePage.setDefaultTimeout(30_000);
    await signIn(phonePage, 'manager');
    await phonePage.goto(`${server.url}/beneficiaries/quality/corrections`);
    await phonePage.getByRole('heading', { level: 1, name: 'صفوف مستوردة تحتاج إلى تصحيح' }).waitFor();
    // Row 8 was corrected; row 7 (wrong check digit) still waits.
    await phonePage.getByText('عمر خالد سالم الشهري').waitFor();
    expect(await phonePage.getByText('هند صالح').count()).toBe(0);
    await screenshot(phonePage, 'import-corrections-390');
    await phonePage.getByRole('link', { name: 'عمر خالد سالم الشهري' }).click();
    await phonePage.getByRole('heading', { level: 1, name: 'تصحيح صف مستورد' }).waitFor();
    await screenshot(phonePage, 'import-correct-row-390');
    await phone.close();
  });
});
