import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits } from '../src/common/arabic';
import { addDays, formatDual, riyadhDate } from '../src/common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../src/common/domain/sla';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/server/seed/demo-users';
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

// Policy steps 5–7 in the browser: the committee member (chair of the demo committee of three, quorum two) calls a
// meeting, marks attendance (alone below the quorum, then with a second member), votes and records the acceptance, and the letter opens; the officer completes the
// registration; the execution officer gives the first delivery to themself and, on a phone at the door the next
// day, records it as delivered — and the next monthly visit appears.

let server: RunningServer;
let browser: Browser;
let officer: ApiClient;
let applicant: Awaited<ReturnType<typeof raisedApplication>>;
const today = riyadhDate(new Date());
// Deliveries are on working days (Sunday to Thursday): the first one is the next working day after today, and the
// next monthly one, after a delivery recorded early (today), thirty days from today, moved to a working day.
const tomorrow = nextWorkingDate(addDays(today, 1), DEFAULT_CALENDAR);
const nextVisit = nextWorkingDate(addDays(today, 30), DEFAULT_CALENDAR);
// The meeting is held now: attendance, votes and decisions are refused before its scheduled start (Riyadh time).
const nowInRiyadh = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Riyadh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
}).format(new Date());
const dual = (date: string) => formatDual(date, { locale: 'ar', digits: 'arab' });
const displayName = (username: string) => DEMO_USERS.find((u) => u.username === username)?.displayName ?? username;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  officer = await new ApiClient(server.url).login('officer');
  applicant = await raisedApplication(officer, 'tank_delivery', ['سلمان', 'عبدالعزيز', 'ناصر', 'العتيبي']);
  // The home's pin, so the field card can open it in the phone's maps app.
  await officer.call('PATCH', `/api/beneficiaries/${applicant.beneficiaryId}`, {
    location: { lat: 25.9876, lng: 43.5567 },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    locale: 'ar-SA',
    geolocation: { latitude: 25.98761, longitude: 43.55672, accuracy: 9 },
    permissions: ['geolocation'],
  });
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

async function noSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** A full-page screenshot from the top, so the sticky header is drawn once, where it belongs. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'القائمة الرئيسية' });

describe('committee decision to the first delivery, in Arabic', () => {
  it('the committee member schedules a meeting, takes attendance, votes and records the acceptance; the letter opens', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'committee');
    // The home card is a link now, not "coming soon".
    await page.getByRole('link', { name: /^اللجنة مراجعة الطلبات/ }).waitFor();
    await menu(page).getByRole('link', { name: 'اللجنة' }).click();
    await page.getByRole('heading', { level: 1, name: 'اللجنة' }).waitFor();
    await page.getByRole('heading', { name: 'طلبات تجاوزت موعد القرار' }).waitFor();
    await page.getByText('لا توجد اجتماعات مجدولة').waitFor();
    await shot(page, 'committee-01-committee-1440');
    await noSeriousViolations(page);

    await page.getByRole('button', { name: 'جدولة اجتماع' }).click();
    const schedule = page.getByRole('dialog');
    await schedule.getByLabel('تاريخ الاجتماع').fill(today);
    await schedule.getByText(`يوافق: `).waitFor();
    await schedule.getByLabel('الوقت').fill(nowInRiyadh);
    await schedule.getByLabel('المكان').fill('قاعة الاجتماعات بمقر الجمعية');
    await expect
      .poll(() => schedule.getByRole('button', { name: /رئيس الجلسة/ }).textContent())
      .toContain(displayName('committee'));
    expect(await schedule.getByRole('checkbox', { name: new RegExp(displayName('committee')) }).isChecked()).toBe(true);
    await shot(page, 'committee-02-schedule-1440');
    await noSeriousViolations(page);
    await schedule.getByRole('button', { name: 'جدولة الاجتماع' }).click();
    await page.waitForURL(/\/committee\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /اجتماع اللجنة/ }).waitFor();

    // Attendance: the demo committee has three members and a quorum of two. The chair alone does not make it;
    // with a second member present it is met.
    await page.getByText('لم يكتمل النصاب').waitFor();
    const attendance = page.getByRole('group', { name: 'حدّد الحاضرين' });
    const present = page.getByRole('checkbox', { name: new RegExp(displayName('committee')) });
    await attendance.getByText(displayName('committee')).click();
    await expect.poll(() => present.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'حفظ الحضور' }).click();
    await page.getByText('حُفظ الحضور.').waitFor();
    await page.getByText('لم يكتمل النصاب').waitFor();
    await attendance.getByText(displayName('committee2')).click();
    await page.getByRole('button', { name: 'حفظ الحضور' }).click();
    await page.getByText('مكتمل النصاب').waitFor();

    // The agenda item: the applicant, the reference linking to the application, the service, the promised date.
    const item = page.getByRole('article', { name: new RegExp(applicant.name) });
    await item.getByRole('link', { name: new RegExp(applicant.reference) }).waitFor();
    await item.getByText('توصيل صهريج مياه').waitFor();
    await item.getByText(dual(addDays(today, 14))).waitFor();
    await item.getByText('تفصيل الدرجة').click();
    await item.getByText('دخل الفرد الشهري').waitFor();

    // The member's own vote.
    await item.getByRole('radio', { name: 'قبول' }).click();
    await item.getByRole('button', { name: 'حفظ صوتي' }).click();
    await item.getByText('حُفظ صوتك.').waitFor();
    await expect.poll(() => item.getByText(`قبول ${toArabicDigits('1')}`).count()).toBeGreaterThan(0);
    await shot(page, 'committee-03-meeting-1440');
    await noSeriousViolations(page);
    await page.setViewportSize({ width: 834, height: 1112 });
    await shot(page, 'committee-03-meeting-834');
    await page.setViewportSize(DESKTOP);

    // The chair's decision: acceptance (the members' leading vote is chosen to begin with).
    await item.getByRole('button', { name: 'تسجيل القرار' }).click();
    const decide = page.getByRole('dialog');
    await decide.getByText('قرار اللجنة في طلب').waitFor();
    expect(await decide.getByRole('radio', { name: /قبول الطلب/ }).isChecked()).toBe(true);
    await shot(page, 'committee-04-decision-1440');
    await noSeriousViolations(page);
    await decide.getByRole('button', { name: 'تسجيل القرار' }).click();
    await page.getByText(/سُجّل القرار «قبول»/).waitFor();
    await page.getByText('قُرِّر ١ من ١').waitFor();
    await shot(page, 'committee-05-decided-1440');
    await noSeriousViolations(page);

    // The decision letter opens in a new tab with the applicant's name.
    const [letter] = await Promise.all([
      context.waitForEvent('page'),
      item.getByRole('link', { name: /خطاب القرار رقم/ }).click(),
    ]);
    await letter.waitForLoadState();
    await expect.poll(() => letter.locator('body').textContent()).toContain(applicant.name);
    await screenshot(letter, 'committee-06-letter');
    await letter.close();
    // The minutes are a link too.
    expect(await page.getByRole('link', { name: /طباعة المحضر/ }).getAttribute('href')).toMatch(/\/minutes$/);
    await context.close();
  });

  it('the inspection is recorded by its inspector, the officer sets the appointment and completes the registration', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'officer');
    await page.goto(`${server.url}/applications/${applicant.applicationId}`);
    await page.getByRole('heading', { name: 'استكمال إجراءات التسجيل' }).waitFor();
    await page.getByRole('link', { name: /خطاب القرار/ }).waitFor();
    const enrol = page.getByRole('button', { name: 'إتمام التسجيل' });
    expect(await enrol.isDisabled()).toBe(true);
    // The head office has no branch representative: the inspection goes to the execution officer, who records it.
    const execution = await new ApiClient(server.url).login('execution');
    const executionId = (await execution.call('GET', '/api/auth/session')).user.id as string;
    await officer.call('PUT', `/api/applications/${applicant.applicationId}/inspection/assignee`, {
      assigneeUserId: executionId,
    });
    await execution.call('POST', `/api/applications/${applicant.applicationId}/inspection/result`, {
      outcome: 'suitable',
      note: 'الخزان في فناء المنزل والطريق ممهد',
    });
    await page.reload();
    await page.getByTestId('inspection-step').getByText('الموقع مناسب للخدمة').waitFor();
    // The appointment is a day and a time window, not a tick.
    const appointment = page.getByTestId('appointment-step');
    await appointment.getByLabel('يوم التقديم').fill(tomorrow);
    await appointment.getByText('صباحاً').click();
    await appointment.getByRole('button', { name: 'حفظ الموعد' }).click();
    await appointment
      .getByTestId('appointment-current')
      .getByText(/بين ٨:٠٠ ص و١٢:٠٠ م/)
      .waitFor();
    await page.getByText(`اكتمل ${toArabicDigits('2')} من ${toArabicDigits('2')}`).waitFor();
    await shot(page, 'committee-07-completion-1440');
    await noSeriousViolations(page);
    await expect.poll(() => enrol.isDisabled()).toBe(false);
    await enrol.click();
    await page.getByText('اكتمل التسجيل وأصبح المستفيد ملتحقاً، وجُدولت أول زيارة لتقديم الخدمة.').waitFor();
    await page.getByText('ملتحق').first().waitFor();
    // Policy step 7 shows on the application: the first visit, tomorrow.
    await page.getByRole('heading', { name: 'زيارات تقديم الخدمة' }).waitFor();
    await page.getByText(dual(tomorrow), { exact: true }).waitFor();
    await shot(page, 'committee-08-enrolled-1440');
    await noSeriousViolations(page);
    await context.close();
  });

  it('the execution officer assigns the first delivery to themself in the week’s agenda', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'execution');
    await menu(page).getByRole('link', { name: 'تنفيذ الخدمات' }).click();
    await page.getByRole('heading', { level: 1, name: 'تنفيذ الخدمات' }).waitFor();
    const day = page.getByRole('region', { name: new RegExp(dual(tomorrow)) });
    await day.getByRole('link', { name: applicant.name }).waitFor();
    const assign = day.getByRole('button', { name: new RegExp(`المكلّف بزيارة ${applicant.name}`) });
    await assign.click();
    await page.getByRole('option', { name: displayName('execution'), exact: true }).click();
    await expect.poll(() => assign.textContent()).toContain(displayName('execution'));
    await shot(page, 'committee-09-deliveries-1440');
    await noSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await shot(page, 'committee-09-deliveries-390');
    await context.close();
  });

  it('on a phone the next day, the visit is recorded as delivered and the next monthly visit appears', async () => {
    const { context, page } = await open(PHONE);
    await signIn(page, 'execution');
    await page.getByRole('button', { name: 'فتح القائمة' }).click();
    await menu(page).getByRole('link', { name: 'زياراتي اليوم' }).click();
    await page.getByRole('heading', { level: 1, name: 'زياراتي اليوم' }).waitFor();
    // The delivery is due on the next working day (Riyadh time): tomorrow is one tap away, a later day is opened.
    if (tomorrow === addDays(today, 1)) {
      await page.getByRole('button', { name: 'اليوم التالي' }).click();
      await page.getByRole('heading', { level: 1, name: 'زياراتي: غداً' }).waitFor();
    } else {
      await page.goto(`${server.url}/deliveries/today?date=${tomorrow}`);
      await page.getByRole('heading', { level: 1, name: /زياراتي/ }).waitFor();
    }
    const card = page.getByRole('article', { name: new RegExp(applicant.name) });
    await card.getByText('مجدولة').waitFor();
    expect(await card.getByRole('link', { name: /اتصال بالرقم/ }).getAttribute('href')).toMatch(/^tel:\+9665\d{8}$/);
    // An https maps address opens on iPhone and Android alike (issue 12); geo: is only an extra link.
    expect(await card.getByRole('link', { name: 'فتح الخريطة' }).getAttribute('href')).toMatch(
      /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=25\.9876,43\.5567$/,
    );
    await shot(page, 'committee-10-today-390');
    await noSeriousViolations(page);

    await card.getByRole('button', { name: 'تم التسليم' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('اسم المستلم').fill('ناصر سلمان العتيبي');
    await dialog.getByLabel('ملاحظة (اختياري)').fill('استلم الابن الصهريج وتأكد من امتلاء الخزان.');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'تسليم.png', mimeType: 'image/png', buffer: PNG });
    await dialog.getByText('تسليم.png').waitFor();
    await dialog.getByRole('button', { name: 'موقعي الحالي' }).click();
    await dialog.getByText(/تم تحديد الموقع بدقة/).waitFor();
    // Recorded before its day: a confirmation and a reason are asked for.
    await dialog.getByLabel('سبب التسجيل قبل الموعد').fill('نفد الماء فطلب المستفيد التعبئة اليوم');
    await dialog.getByText('أؤكد أن الخدمة قُدّمت اليوم').click();
    await shot(page, 'committee-11-delivered-dialog-390');
    await noSeriousViolations(page);
    await dialog.getByRole('button', { name: 'تأكيد التسليم' }).click();
    await page.getByText(`الزيارة القادمة: ${dual(nextVisit)}`).waitFor();
    await card.getByText('سُلّمت إلى').waitFor();
    await card.getByText('تم التسليم', { exact: true }).waitFor();
    await shot(page, 'committee-12-delivered-390');
    await noSeriousViolations(page);

    // The next monthly visit is on the route thirty days later, for the same person.
    await page.goto(`${server.url}/deliveries/today?date=${nextVisit}`);
    await page
      .getByRole('article', { name: new RegExp(applicant.name) })
      .getByText('مجدولة')
      .waitFor();
    await shot(page, 'committee-13-next-visit-390');
    await context.close();

    // The record holds what was entered at the door: recipient, pin and photo.
    const list = await officer.call('GET', `/api/deliveries?beneficiaryId=${applicant.beneficiaryId}`);
    const delivered = list.items.find((d: { status: string }) => d.status === 'delivered');
    expect(delivered.recipientName).toBe('ناصر سلمان العتيبي');
    expect(delivered.lat).toBeCloseTo(25.98761, 4);
    expect(delivered.photoDocumentId).toBeTruthy();
    expect(list.items.some((d: { scheduledDate: string }) => d.scheduledDate === nextVisit)).toBe(true);
  });
});

/** A 1×1 PNG, enough for the server to recognise a photo by its bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
