import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '../src/common/saudi';
import { DEMO_PASSWORD } from '../src/server/seed/demo-users';
import { ApiClient } from './api';
import {
  DESKTOP,
  screenshot as fullScreenshot,
  launchBrowser,
  PHONE,
  type RunningServer,
  seriousViolations,
  startServer,
} from './support';

// Inquiries on several channels, answered from the knowledge base, and referral to the execution officer:
// (a) the officer logs a phone inquiry from a caller with the header button, opens a case from it, answers with a
// canned answer and a quote from the policies manual picked in the reply box, and resolves it; (b) a complaint is
// referred to the execution officer with a reason, who answers the referral and resolves it within its time;
// (c) the other screens of the module — timeline, knowledge base with its acknowledgement, appointments,
// volunteers, tasks — open without serious accessibility problems.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'ar-SA' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await page.getByRole('heading', { level: 1, name: /مرحباً/ }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await page.waitForURL(/\/login/);
}

/** A full-page screenshot from the top, so the sticky header sits where it belongs. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return fullScreenshot(page, name);
}

async function noSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Picks an option in a React Aria select found by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const referenceOf = async (page: Page) => /C-\d{4}-\d{5}/.exec((await heading(page).textContent()) ?? '')?.[0] ?? '';

const CANNED = 'شكراً لتواصلكم. موعد التوصيل القادم مسجل في ملفكم، وسيتواصل معكم المندوب قبل وصوله بيوم.';
const MANUAL = 'وإذا لم تتضح الإجراءات للمستفيد يُحيله إلى مسؤول التنفيذ';

describe('cases: inquiries on several channels, canned answers, referral to the execution officer', () => {
  it('(a) the officer logs a phone inquiry, opens a case from it, answers with canned text and resolves it', async () => {
    const { context, page } = await open(DESKTOP);
    let alerted = false;
    page.on('dialog', async (dialog) => {
      alerted = true;
      await dialog.dismiss();
    });
    await signIn(page, 'officer');

    // Two clicks from anywhere: the header's "log a contact", then who and what.
    await page.getByRole('banner').getByRole('button', { name: 'تسجيل تواصل' }).click();
    const log = page.getByRole('dialog', { name: 'تسجيل تواصل' });
    await expect.poll(() => log.getByRole('button', { name: /القناة$/ }).textContent()).toContain('الاتصال الهاتفي');
    await log.getByText('متصل غير مسجّل', { exact: true }).click();
    await log.getByLabel('اسم المتصل').fill('سالم الدوسري');
    await log.getByLabel('رقم الجوال').fill('0551234567');
    await log.getByLabel('ملخص التواصل').fill('يسأل عن موعد توصيل الصهريج القادم لمنزله.');
    await log.getByText('فتح حالة من هذا التواصل').click();
    await log.getByLabel('الموضوع').fill('موعد التوصيل القادم');
    await screenshot(page, 'cases-01-log-call-1440');
    await noSeriousViolations(page);
    await log.getByRole('button', { name: 'تسجيل التواصل وفتح الحالة' }).click();

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page).textContent()).toMatch(/استفسار C-\d{4}-\d{5}/);
    await page.getByText('يسأل عن موعد توصيل الصهريج القادم لمنزله.').waitFor();
    await expect.poll(() => heading(page).textContent()).toContain('في الموعد');
    await screenshot(page, 'cases-02-case-opened-1440');
    await noSeriousViolations(page);

    // The reply box's ready answers: one click inserts the canned answer, another a quote from the manual.
    await page.getByRole('button', { name: 'ردود جاهزة' }).click();
    const picker = page.getByRole('dialog', { name: 'الردود الجاهزة' });
    await picker.getByLabel(/^ابحث في الردود/).fill('موعد التوصيل');
    await picker.getByRole('button', { name: 'إدراج رد: موعد التوصيل القادم' }).waitFor();
    await screenshot(page, 'cases-03-canned-answers-1440');
    await noSeriousViolations(page);
    await picker.getByRole('button', { name: 'إدراج رد: موعد التوصيل القادم' }).click();
    await expect.poll(() => page.getByLabel('نص الرد').inputValue()).toBe(CANNED);

    await page.getByRole('button', { name: 'ردود جاهزة' }).click();
    await picker.getByLabel(/^ابحث في الردود/).fill('الاجراءات');
    await picker.getByRole('button', { name: /^اقتباس في الرد من دليل السياسات/ }).click();
    await expect.poll(() => page.getByLabel('نص الرد').inputValue()).toContain(MANUAL);
    await page.getByRole('button', { name: 'إرسال الرد' }).click();
    await page.getByText('أُرسل الرد وسُجّل تواصلاً صادراً مع المستفيد.').waitFor();
    const reply = page.getByRole('article', { name: 'رد على المستفيد' });
    await expect.poll(() => reply.first().textContent()).toContain(CANNED);

    // Markup in a reply stays text; an internal note is marked as such.
    await page.getByLabel('نص الرد').fill('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'إرسال الرد' }).click();
    await page.getByText('<script>alert(1)</script>', { exact: true }).waitFor();
    expect(alerted).toBe(false);
    expect(await page.locator('main script').count()).toBe(0);
    await page.getByRole('radio', { name: 'ملاحظة داخلية' }).click();
    await page.getByLabel('نص الملاحظة').fill('المتصل يفضّل التواصل بعد العصر.');
    await page.getByRole('button', { name: 'حفظ الملاحظة' }).click();
    await page.getByRole('article', { name: 'ملاحظة داخلية' }).getByText('لا تظهر للمستفيد').waitFor();

    // Resolved with a resolution note, inside its time.
    await page.getByRole('button', { name: 'تم الحل' }).click();
    const resolve = page.getByRole('dialog');
    await resolve.getByLabel('ملخص الحل').fill('أُبلغ المتصل بموعد التوصيل القادم.');
    await resolve.getByRole('button', { name: 'تم الحل' }).click();
    await page.getByText('سُجّل حل الحالة.').waitFor();
    await expect.poll(() => heading(page).textContent()).toContain('تم الحل');
    await expect.poll(() => heading(page).textContent()).toContain('ضمن المدة');
    await screenshot(page, 'cases-04-inquiry-resolved-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'cases-04-inquiry-resolved-390');
    await noSeriousViolations(page);
    await context.close();
  });

  it('(b) a complaint is referred with a reason; the execution officer answers the referral and resolves it', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'officer');
    await page.goto(`${server.url}/cases`);
    await page.getByRole('link', { name: /حالة جديدة/ }).click();
    await page.waitForURL(/\/cases\/new$/);
    await page.getByRole('radiogroup', { name: 'نوع الحالة' }).getByText('شكوى', { exact: true }).click();
    await choose(page, 'القناة', 'مناديب المكاتب الفرعية');
    await page.getByLabel('الموضوع').fill('تأخر توصيل الصهريج');
    await page.getByLabel('التفاصيل كما ذكرها المستفيد').fill('لم يصل الصهريج في موعده منذ أسبوع.');
    await page.getByText('متصل غير مسجّل', { exact: true }).click();
    await page.getByLabel('اسم المتصل').fill('منيرة القحطاني');
    await page.getByLabel('رقم الجوال').fill('0569876543');
    await screenshot(page, 'cases-05-new-complaint-1440');
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'فتح الحالة' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page).textContent()).toMatch(/شكوى C-\d{4}-\d{5}/);
    const reference = await referenceOf(page);
    const caseUrl = page.url();

    await page.getByRole('button', { name: 'إحالة إلى مسؤول التنفيذ' }).click();
    const refer = page.getByRole('dialog');
    await refer.getByLabel('سبب الإحالة: ما الذي يحتاج رد مسؤول التنفيذ؟').fill('يحتاج المستفيد توضيح جدول المناديب.');
    await screenshot(page, 'cases-06-refer-1440');
    await noSeriousViolations(page);
    await refer.getByRole('button', { name: 'إحالة الحالة' }).click();
    await page.getByText('أُحيلت الحالة إلى مسؤول التنفيذ.').waitFor();
    await page.getByText('الحالة لدى مسؤول التنفيذ للرد على الإحالة.').waitFor();
    await signOut(page);

    // The execution officer finds it in the inbox (by status), answers the referral and resolves it.
    await signIn(page, 'execution');
    await page.goto(`${server.url}/cases?status=referred`);
    await page.getByRole('link', { name: new RegExp(reference) }).waitFor();
    await screenshot(page, 'cases-07-inbox-execution-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'cases-07-inbox-execution-390');
    await noSeriousViolations(page);
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.waitForURL(caseUrl);
    await page.getByRole('button', { name: 'الرد على الإحالة' }).click();
    const answer = page.getByRole('dialog');
    await answer.getByText('يحتاج المستفيد توضيح جدول المناديب.').waitFor();
    await answer.getByLabel('الرد والتوضيح').fill('يزور المندوب الحي كل ثلاثاء، وسيُجدول التوصيل الأسبوع القادم.');
    await answer.getByRole('button', { name: 'إرسال الرد' }).click();
    await page.getByText('سُجّل الرد على الإحالة وعادت الحالة للمعالجة.').waitFor();
    await expect.poll(() => heading(page).textContent()).toContain('قيد المعالجة');

    await page.getByRole('button', { name: 'تم الحل' }).click();
    const resolve = page.getByRole('dialog');
    await resolve.getByLabel('ملخص الحل').fill('جُدول التوصيل وأُبلغت المستفيدة.');
    await resolve.getByRole('button', { name: 'تم الحل' }).click();
    await page.getByText('سُجّل حل الحالة.').waitFor();
    await expect.poll(() => heading(page).textContent()).toContain('ضمن المدة');
    await page.getByText('نُقلت الحالة إلى «تم الحل» بواسطة فهد الرشيدي').waitFor();
    await screenshot(page, 'cases-08-complaint-resolved-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'cases-08-complaint-resolved-390');
    await noSeriousViolations(page);
    await context.close();
  });

  it('(c) timeline, knowledge base, appointments, volunteers and tasks open and read right to left', async () => {
    const officer = await new ApiClient(server.url).login('officer');
    const branches = await officer.call('GET', '/api/branches');
    const stamp = String(Date.now() % 10_000_000).padStart(7, '0');
    // She called before she had a file: the contact was logged with her name and mobile only.
    await officer.call('POST', '/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'اتصلت تسأل عن شروط التسجيل في خدمة الصهريج.',
      contactName: 'حصة',
      contactMobile: `053${stamp}`,
    });
    const b = await officer.call('POST', '/api/beneficiaries', {
      nationalId: makeNationalId(`1${stamp}7`),
      firstName: 'حصة',
      fatherName: 'عبدالله',
      grandfatherName: 'سعد',
      familyName: 'المطيري',
      gender: 'female',
      birthDate: { calendar: 'gregorian', date: '1965-05-01' },
      mobile: `053${stamp}`,
      district: 'حي النسيم',
      branchId: branches.items[0].id,
      monthlyIncome: 1800,
      housing: 'rented',
      familyStatus: 'widowed',
      water: { source: 'tank', storageLitres: 800, peopleAtHome: 4 },
      consent: { accepted: true, channel: 'meeting' },
      // No household listed: the stated people at home is confirmed (issue 12).
      householdConfirmed: true,
      confirmNotDuplicate: true,
    });

    const { context, page } = await open(PHONE);
    await signIn(page, 'officer');

    // The file's timeline, and a contact logged from it (the file already chosen).
    await page.goto(`${server.url}/beneficiaries/${b.id}?tab=timeline`);
    await page.getByRole('heading', { name: 'الخط الزمني' }).waitFor();
    // The call from before the file existed is offered for linking, then joins the timeline.
    await page.getByRole('heading', { name: 'تواصل سابق من الرقم نفسه لم يُربط بالملف' }).waitFor();
    await page.getByRole('button', { name: /^ربط بالملف/ }).click();
    await page.getByText('رُبط التواصل بالملف.').waitFor();
    await page.getByText('تواصل وارد عبر الاتصال الهاتفي').waitFor();
    await page.getByRole('main').getByRole('button', { name: 'تسجيل تواصل' }).last().click();
    const log = page.getByRole('dialog', { name: 'تسجيل تواصل' });
    // The chosen file shows in the picker and on the person card beside it.
    await log.getByText('حصة عبدالله سعد المطيري').first().waitFor();
    await choose(page, 'القناة', 'وسائل التواصل الاجتماعي');
    await log.getByLabel('ملخص التواصل').fill('سألت عبر واتساب عن المستندات المطلوبة.');
    await log.getByRole('button', { name: 'تسجيل التواصل' }).click();
    await log.getByText('تم تسجيل التواصل.').waitFor();
    await log.getByRole('button', { name: 'إغلاق' }).last().click();
    await page.getByText('سألت عبر واتساب عن المستندات المطلوبة.').waitFor();
    await page.getByText('تواصل وارد عبر وسائل التواصل الاجتماعي').waitFor();
    await screenshot(page, 'cases-09-timeline-390');
    await noSeriousViolations(page);

    // Knowledge base: normalised search (alef forms), the document, and "I have read it".
    await page.goto(`${server.url}/knowledge`);
    await page.getByLabel('بحث في الوثائق السارية').fill('الاجراءات');
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: /دليل السياسات والإجراءات \(ملخص للتجربة\)/ }).click();
    await page.waitForURL(/\/knowledge\/[0-9a-f-]{36}/);
    await page.getByText('نسخة تجريبية').first().waitFor();
    await screenshot(page, 'cases-10-knowledge-document-390');
    await noSeriousViolations(page);
    await page.getByRole('main').getByRole('button', { name: 'اطلعت عليه', exact: true }).click();
    await page.getByText('سُجّل اطلاعك على الإصدار.').waitFor();

    // Appointments: publish a day's slots and book one for the beneficiary.
    await page.goto(`${server.url}/appointments`);
    await page.getByRole('button', { name: 'نشر مواعيد' }).click();
    const publish = page.getByRole('dialog');
    await publish.getByLabel('التاريخ').fill('2099-01-04');
    await publish.getByText(/سيُنشر/).waitFor();
    await publish.getByRole('button', { name: 'نشر المواعيد' }).click();
    await page.getByText(/نُشر/).first().waitFor();
    await page
      .getByRole('button', { name: /^حجز موعد الساعة/ })
      .first()
      .click();
    const book = page.getByRole('dialog');
    await book.getByLabel('ابحث عن المستفيد').fill('حصة عبدالله');
    await book.getByRole('button', { name: 'اختيار حصة عبدالله سعد المطيري' }).click();
    await book.getByLabel('الغرض من المقابلة').fill('مراجعة المستندات');
    await book.getByRole('button', { name: 'تأكيد الحجز' }).click();
    await page.getByText('محجوز', { exact: true }).first().waitFor();
    await screenshot(page, 'cases-11-appointments-390');
    await noSeriousViolations(page);

    // Volunteers: sign up, activate.
    await page.goto(`${server.url}/volunteers`);
    await page.getByRole('button', { name: 'تسجيل متطوع' }).click();
    const signUp = page.getByRole('dialog');
    await signUp.getByLabel('الاسم').fill('تركي الحربي');
    await signUp.getByLabel('رقم الجوال').fill(`054${stamp}`);
    await signUp.getByLabel('المهارات').fill('قيادة، إسعافات أولية');
    await signUp.getByRole('button', { name: 'تسجيل المتطوع' }).click();
    await page.getByRole('button', { name: 'تفعيل تركي الحربي' }).click();
    await page.getByRole('button', { name: 'تسجيل ساعات تركي الحربي' }).waitFor();
    await screenshot(page, 'cases-12-volunteers-390');
    await noSeriousViolations(page);

    // Alt+L opens "log a contact" from any page, as the header button does.
    await page.keyboard.press('Alt+KeyL');
    await page.getByRole('dialog', { name: 'تسجيل تواصل' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(`${server.url}/tasks`);
    await page.getByRole('heading', { level: 1, name: 'مهامي' }).waitFor();
    await noSeriousViolations(page);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.url}/cases`);
    await page.getByRole('heading', { level: 1, name: 'الحالات' }).waitFor();
    await screenshot(page, 'cases-13-inbox-1440');
    await context.close();
  });
});
