import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits, toLatinDigits } from '../src/common/arabic';
import { makeNationalId } from '../src/common/saudi';
import { DEMO_PASSWORD } from '../src/server/seed/demo-users';
import { ApiClient } from './api';
import { measureFirstLoad } from './first-load';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
} from './support';

// The public portal on a phone, in Arabic, with no account: a person applies for a water tank and confirms it with
// a one-time code; the officer finds it in the queue (website channel); the person tracks it with the reference and
// a new code; an anonymous suggestion is sent and followed with its reference and key.

let server: RunningServer;
let browser: Browser;
let admin: ApiClient;
let officer: ApiClient;
let branchName = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await new ApiClient(server.url).login('admin');
  officer = await new ApiClient(server.url).login('officer');
  const info = (await (await fetch(`${server.url}/api/portal/info`)).json()) as { branches: { nameAr: string }[] };
  branchName = info.branches[0]!.nameAr;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

const person = {
  nationalId: makeNationalId(`10${digits(7)}`),
  mobile: `050${digits(7)}`,
  first: 'عبدالرحمن',
  father: 'صالح',
  grandfather: 'ناصر',
  family: 'العتيبي',
};
const fullName = `${person.first} ${person.father} ${person.grandfather} ${person.family}`;
const e164 = `+966${person.mobile.slice(1)}`;

type Outbox = { items: { id: string; recipient: string; templateKey: string; body: string }[] };

/** The ids of the one-time-code messages already in the outbox, so the next code read is a new one. */
async function codesSeen(): Promise<Set<string>> {
  const outbox = await admin.call<Outbox>('GET', '/api/notifications?limit=20');
  return new Set(outbox.items.filter((n) => n.templateKey === 'otp').map((n) => n.id));
}

/** The code the person reads on their phone: the newest OTP message to their number that was not there before. */
async function readCode(recipient: string, seen: Set<string>): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const outbox = await admin.call<Outbox>('GET', '/api/notifications?limit=20');
    const message = outbox.items.find((n) => n.templateKey === 'otp' && n.recipient === recipient && !seen.has(n.id));
    const code = message ? /\d{6}/.exec(toLatinDigits(message.body))?.[0] : undefined;
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no one-time code for ${recipient}`);
}

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function noSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const next = (page: Page) => page.getByRole('button', { name: 'التالي', exact: true }).click();
/** After a step change, focus is on the new step's heading (for screen readers). */
const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName);

let reference = '';
const DESKTOP_1280 = { width: 1280, height: 800 };
const waterProblem = 'ينقطع الماء عنا ثلاثة أيام كل أسبوع والخزان لا يكفي';

describe('the public portal on a phone, in Arabic', () => {
  it('a person applies for tank delivery and confirms with a one-time code', async () => {
    const { context, page } = await phone();
    // No third-party requests: the font, scripts and data all come from the association's own server.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await page.goto(`${server.url}/portal`);
    await heading(page, 'كيف نخدمك اليوم؟');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await page.getByText('جمعية ماء').first().waitFor();
    await screenshot(page, 'portal-01-home-390');
    await noSeriousViolations(page);

    await page.getByRole('link', { name: /تقديم طلب خدمة/ }).click();
    await page.waitForURL(/\/portal\/apply$/);
    await heading(page, /ما الخدمة المطلوبة؟/);
    await page.getByLabel('توصيل صهريج مياه').check();
    // The whole card is tappable: a tap on another service's description picks it, a second tap drops it.
    const secondCard = page.locator('[data-testid^="service-card-"]').nth(1);
    const secondBox = page.getByRole('checkbox').nth(1);
    await secondCard.click();
    expect(await secondBox.isChecked()).toBe(true);
    await secondCard.click();
    expect(await secondBox.isChecked()).toBe(false);
    expect(await page.getByLabel('توصيل صهريج مياه').isChecked()).toBe(true);
    await screenshot(page, 'portal-02-services-390');
    await noSeriousViolations(page);
    await next(page);

    // Errors appear next to the field, in plain Arabic, and focus goes to the field.
    await heading(page, /ما رقم هويتك؟/);
    await expect.poll(() => focusedTag(page)).toBe('H1');
    await next(page);
    await page.getByText('هذا الحقل مطلوب.').waitFor();
    const idField = page.getByLabel('رقم الهوية الوطنية أو الإقامة');
    await expect.poll(() => idField.evaluate((el) => el === document.activeElement)).toBe(true);
    await idField.fill('1000000000');
    await next(page);
    await page.getByText('رقم الهوية غير صحيح. يُرجى مراجعة الأرقام.').waitFor();
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'portal-03-identity-error-390');
    await noSeriousViolations(page);
    await idField.fill(person.nationalId);
    await next(page);

    await heading(page, /ما اسمك الرباعي؟/);
    await page.getByLabel('الاسم الأول').fill(person.first);
    await page.getByLabel('اسم الأب').fill(person.father);
    await page.getByLabel('اسم الجد').fill(person.grandfather);
    await page.getByLabel('اسم العائلة').fill(person.family);
    await next(page);

    await heading(page, /الجنس وتاريخ الميلاد/);
    await page.getByLabel('ذكر', { exact: true }).check();
    await page.getByLabel('اليوم', { exact: true }).fill('١٥');
    await page.getByLabel('الشهر', { exact: true }).selectOption('7');
    await page.getByLabel('السنة', { exact: true }).fill('1405');
    await page.getByText(/^يوافق: /).waitFor();
    await screenshot(page, 'portal-04-birth-390');
    await noSeriousViolations(page);
    await next(page);

    await heading(page, /ما رقم جوالك؟/);
    await page.getByLabel('رقم الجوال', { exact: true }).fill(person.mobile);
    await next(page);

    await heading(page, /أين مكان سكنك؟/);
    await page.getByLabel('الحي أو القرية').fill('حي الروضة');
    await page.getByLabel(branchName, { exact: true }).check();
    await screenshot(page, 'portal-05-address-390');
    await noSeriousViolations(page);
    await next(page);

    await heading(page, /أسرتك/);
    await page.getByLabel('متزوج', { exact: true }).check();
    await page.getByLabel('لا', { exact: true }).check();
    await page.getByRole('button', { name: 'إضافة فرد من الأسرة' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-household-0-name');
    await page.getByLabel('الاسم', { exact: true }).fill('سارة');
    await page.getByLabel('صلة القرابة').selectOption('daughter');
    const memberBirth = page.getByRole('group', { name: 'تاريخ ميلاده' });
    await memberBirth.getByLabel('اليوم', { exact: true }).fill('10');
    await memberBirth.getByLabel('الشهر', { exact: true }).selectOption('3');
    await memberBirth.getByLabel('السنة', { exact: true }).fill('1433');
    await screenshot(page, 'portal-06-family-390');
    await noSeriousViolations(page);
    await next(page);

    await heading(page, /الدخل والسكن/);
    await page.getByLabel('دخل الأسرة في الشهر بالريال').fill('٢٥٠٠');
    await page.getByLabel('إيجار', { exact: true }).check();
    await next(page);

    // The connection drops or the page is reloaded: the answers come back from the device.
    await heading(page, /الماء في منزلك/);
    await page.reload();
    await heading(page, /الماء في منزلك/);
    await page.getByText('أكملنا لك من حيث توقفت.').waitFor();
    await page.getByLabel('صهاريج', { exact: true }).check();
    await page.getByLabel('سعة خزان الماء باللتر').fill('2000');
    expect(await page.getByLabel('عدد الساكنين في المنزل').inputValue()).toBe('2');
    await page.getByLabel('عدد الساكنين في المنزل').fill('5');
    // The water problem in his own words: optional, counted, never cut.
    const problem = page.getByLabel(/وصف مشكلة الماء بكلماتك/);
    expect(await problem.getAttribute('required')).toBeNull();
    await problem.fill(waterProblem);
    await page.getByText(`${toArabicDigits(String(waterProblem.length))} من ${toArabicDigits('1000')}`).waitFor();
    await screenshot(page, 'portal-07-water-390');
    await noSeriousViolations(page);
    await next(page);

    await heading(page, /موافقتك على استخدام بياناتك/);
    await page.getByLabel(/أوافق على استخدام بياناتي/).check();
    await screenshot(page, 'portal-08-consent-390');
    await next(page);

    await heading(page, /الإقرار/);
    await page.getByText(fullName).waitFor();
    // The summary shows every answer, not only the name and numbers: income, housing and water too.
    const summary = (await page.locator('section[aria-labelledby="summary-title"]').textContent()) ?? '';
    for (const answer of ['تاريخ الميلاد', '٢٥٠٠', 'إيجار', 'صهاريج', '2000', 'عدد الساكنين في المنزل', waterProblem]) {
      expect(summary).toContain(answer);
    }
    await page.getByLabel('اسمك الرباعي').fill('محمد علي');
    await page.getByRole('button', { name: 'أقر بصحة بياناتي' }).click();
    await page.getByText(/الاسم لا يطابق اسمك الرباعي/).waitFor();
    await page.getByLabel('اسمك الرباعي').fill(fullName);
    await screenshot(page, 'portal-09-declaration-390');
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'أقر بصحة بياناتي' }).click();

    await heading(page, /تأكيد رقم الجوال/);
    await page.getByText(person.mobile).waitFor();
    const seen = await codesSeen();
    await page.getByRole('button', { name: 'إرسال الرمز' }).click();
    await heading(page, /إدخال رمز التحقق/);
    const first = await readCode(e164, seen);
    const codeField = page.getByLabel('رمز التحقق');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    // He mistypes the code: each time he is told how many tries are left; the fifth stops the code.
    const wrong = first === '000000' ? '111111' : '000000';
    for (const left of ['٤', '٣', '٢']) {
      await codeField.fill(wrong);
      await page.getByRole('button', { name: 'إرسال الطلب' }).click();
      await page.getByText(`بقيت لك ${left} محاولات.`).waitFor();
    }
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    await page.getByText('بقيت لك محاولة واحدة.').waitFor();
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    await page.getByText(/كُتب رمز خاطئ عدة مرات/).waitFor();
    // Even the right code is refused now, and the page offers a new one at once.
    await codeField.fill(first);
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    await page.getByText('نحتاج رمزاً جديداً').waitFor();
    await screenshot(page, 'portal-10a-code-stopped-390');
    await noSeriousViolations(page);
    const seenBeforeNew = await codesSeen();
    await page.getByRole('button', { name: 'إرسال رمز جديد' }).click();
    await page.getByText('أرسلنا رمزاً جديداً. الرمز القديم لم يعد يعمل.').waitFor();
    // The old error is gone with the old code.
    expect(await codeField.getAttribute('aria-invalid')).toBeNull();
    expect(await codeField.inputValue()).toBe('');
    const code = await readCode(e164, seenBeforeNew);
    await codeField.fill(code);
    await screenshot(page, 'portal-10-code-390');
    await noSeriousViolations(page);
    // The one-time code is never kept on the device.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(code);
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();

    await heading(page, 'وصلنا طلبك');
    reference = (await page.getByTestId('application-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^APP-\d{4}-\d{5}$/);
    // The one promise: counted from raising to the committee, the same words as in tracking.
    expect(await page.getByTestId('decision-promise').textContent()).toBe(
      'تقرر اللجنة خلال ١٤ يوماً تقريباً من يوم رفع طلبك إليها، بعد أن نتحقق من بياناتك.',
    );
    // A document added straight away with the permission the code gave.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    await page
      .getByLabel('صورة الهوية الوطنية أو الإقامة')
      .setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: png });
    await page.getByText('أُرفق الملف:').waitFor();
    await screenshot(page, 'portal-11-done-390');
    await noSeriousViolations(page);
    expect(await page.evaluate(() => localStorage.getItem('wasl.portal.apply.v1'))).toBeNull();
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  it('the officer finds it in the verification queue, received on the website channel', async () => {
    const queue = await officer.call<{ items: { reference: string; channel: string; stage: string }[] }>(
      'GET',
      '/api/applications?queue=to_verify&pageSize=100',
    );
    expect(queue.items.find((i) => i.reference === reference)).toMatchObject({
      channel: 'website',
      stage: 'submitted',
    });
  });

  it('the person tracks the application with its number and a code, then again on the same phone without a code', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/portal`);
    await page.getByRole('link', { name: /متابعة طلب/ }).click();
    await heading(page, /ما رقم طلبك؟/);
    // Typed the way people type it: no prefix, Arabic-Indic digits, no leading zeros.
    const typed = toArabicDigits(reference.replace(/^APP-/, '').replace(/-0+/, '-'));
    await page.getByLabel('رقم الطلب').fill(typed);
    await screenshot(page, 'portal-12-track-390');
    await noSeriousViolations(page);
    const seen = await codesSeen();
    await page.getByRole('button', { name: 'إرسال رمز التحقق' }).click();
    await heading(page, /إدخال رمز التحقق/);
    await page.getByText(reference).waitFor();
    await page.getByLabel('رمز التحقق').fill(await readCode(e164, seen));
    await screenshot(page, 'portal-12a-track-code-390');
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'عرض حالة الطلب' }).click();
    await heading(page, 'حالة طلبك');
    expect(await page.getByTestId('track-status').textContent()).toContain('طلبك قيد التحقق من البيانات');
    await page.getByText(reference).first().waitFor();
    expect(await page.getByTestId('decision-promise').textContent()).toBe(
      'تقرر اللجنة خلال ١٤ يوماً تقريباً من يوم رفع طلبك إليها، بعد أن نتحقق من بياناتك.',
    );
    // Each required document with its state: the ID added right after applying has arrived.
    const documents = (await page.getByTestId('documents').textContent()) ?? '';
    expect(documents).toContain('صورة الهوية الوطنية أو الإقامة');
    expect(documents).toContain('وصلتنا');
    await screenshot(page, 'portal-13-status-390');
    await noSeriousViolations(page);

    // The second visit on the same phone: the status at once, no code.
    const before = await codesSeen();
    await page.goto(`${server.url}/portal/track`);
    await heading(page, 'حالة طلبك');
    await page.getByText(reference).first().waitFor();
    expect(await codesSeen()).toEqual(before);
    await screenshot(page, 'portal-13a-status-remembered-390');
    await noSeriousViolations(page);
    // He forgets this phone: the next visit asks for the number again.
    await page.getByRole('button', { name: 'نسيان هذا الجوال' }).click();
    await page.getByText('نسينا هذا الجوال. سيلزمك رمز في المرة القادمة.').waitFor();
    await page.goto(`${server.url}/portal/track`);
    await heading(page, /ما رقم طلبك؟/);
    // The example in the field is written in the reader's digits.
    expect(await page.locator('input[placeholder^="APP-"]').getAttribute('placeholder')).toBe('APP-٢٠٢٦-٠٠٠١٢');
    await context.close();
  });

  it('the officer reads the water problem on the application, sees the remembered phones on the file and forgets them', async () => {
    const queue = await officer.call<{ items: { id: string; reference: string }[] }>(
      'GET',
      '/api/applications?queue=to_verify&pageSize=100',
    );
    const id = queue.items.find((i) => i.reference === reference)!.id;
    for (const viewport of [DESKTOP_1280, PHONE]) {
      const context = await browser.newContext({ viewport, locale: 'ar-SA' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${server.url}/login`);
      await page.getByLabel('اسم المستخدم').fill('officer');
      await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      await page.getByRole('heading', { level: 1, name: /مرحباً/ }).waitFor();
      await page.goto(`${server.url}/applications/${id}`);
      await page.getByText('وصف مشكلة الماء كما ورد في الطلب').waitFor();
      await page.getByText(waterProblem).waitFor();
      await screenshot(page, `portal-staff-water-problem-${viewport.width}`);
      await noSeriousViolations(page);
      const file = await page.getByRole('link', { name: fullName }).first().getAttribute('href');
      await page.goto(`${server.url}${file}`);
      const card = page.locator('section[aria-labelledby="portal-devices-title"]');
      await card.getByRole('heading', { name: 'الأجهزة المحفوظة في البوابة' }).waitFor();
      if (viewport === PHONE) {
        // Forgotten at 1280 below: the file now says so.
        await card.getByText('لا توجد أجهزة محفوظة لأرقام هذا الملف.').waitFor();
        await screenshot(page, 'portal-staff-devices-none-390');
      } else {
        // The phone that applied is still remembered (the one that tracked was forgotten by the person).
        const forget = card.getByRole('button', { name: 'نسيان هذا الجهاز' });
        await forget.first().waitFor();
        const before = await forget.count();
        expect(before).toBeGreaterThanOrEqual(1);
        await screenshot(page, 'portal-staff-devices-1280');
        await noSeriousViolations(page);
        for (let i = 0; i < before; i++) {
          await forget.first().click();
          await card.getByText(/عدد الأجهزة التي نُسيت: (١|1)\./).waitFor();
          await expect.poll(() => forget.count()).toBe(before - i - 1);
        }
        await card.getByText('لا توجد أجهزة محفوظة لأرقام هذا الملف.').waitFor();
      }
      await context.close();
    }
    const audit = await admin.call<{ items: { action: string }[] }>('GET', '/api/audit?action=portal.device_revoke');
    expect(audit.items.length).toBeGreaterThanOrEqual(1);
  });

  it('a question is answered by SMS with its number, and followed with that number and a code', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/portal/contact`);
    await heading(page, /ما نوع رسالتك؟/);
    // The reply time for each kind, from the association's settings.
    await page
      .getByText(/نرد خلال ٤ ساعات عمل/)
      .first()
      .waitFor();
    await page.getByRole('radio', { name: /^استفسار/ }).check();
    await next(page);
    await heading(page, /نص رسالتك/);
    await page.getByLabel('الموضوع').fill('موعد الصهريج القادم');
    // A long text is never cut silently: the counter says how much to remove, and sending says so too.
    await page.getByLabel('التفاصيل').fill('م'.repeat(5003));
    await page.getByText('النص أطول من المسموح. يلزم حذف ٣ حرفاً.').waitFor();
    expect((await page.getByLabel('التفاصيل').inputValue()).length).toBe(5003);
    await page.getByLabel('التفاصيل').fill('متى يصل الصهريج القادم إلى حي الروضة؟');
    await page.getByText(/^٣٧ من ٥٠٠٠ حرف$/).waitFor();
    await page.getByLabel('اسمك').fill('أبو فهد');
    await page.getByLabel('رقم جوالك').fill(person.mobile);
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();
    await heading(page, 'وصلتنا رسالتك');
    const caseReference = (await page.getByTestId('case-reference').textContent())?.trim() ?? '';
    expect(caseReference).toMatch(/^C-\d{4}-\d{5}$/);
    await page.getByText('أرسلنا هذا الرقم إلى جوالك برسالة، ويمكنك متابعة رسالتك به في أي وقت.').waitFor();
    await screenshot(page, 'portal-14a-inquiry-sent-390');
    await noSeriousViolations(page);

    // The receipt on his phone carries the number.
    const outbox = await admin.call<Outbox>('GET', '/api/notifications?limit=20');
    const receipt = outbox.items.find((n) => n.templateKey === 'case_received' && n.recipient === e164);
    expect(receipt?.body).toContain(caseReference);

    // Later, on another phone: the number from the SMS (without C-, Arabic-Indic digits) and a code.
    const other = await phone();
    await other.page.goto(`${server.url}/portal/follow`);
    await heading(other.page, 'متابعة رسالة');
    await other.page.getByLabel('رقم الرسالة').fill(toArabicDigits(caseReference.slice(2)));
    const seen = await codesSeen();
    await other.page.getByRole('button', { name: 'إرسال رمز التحقق' }).click();
    await heading(other.page, 'إدخال رمز التحقق');
    await other.page.getByLabel('رمز التحقق').fill(await readCode(e164, seen));
    await screenshot(other.page, 'portal-17a-follow-code-390');
    await noSeriousViolations(other.page);
    await other.page.getByRole('button', { name: 'عرض الحالة' }).click();
    await heading(other.page, 'حالة رسالتك');
    expect(await other.page.getByTestId('case-status').textContent()).toContain('استلمنا رسالتك');
    await other.page.getByText(/نرد أول مرة خلال ٤ ساعات عمل/).waitFor();
    await screenshot(other.page, 'portal-17b-follow-status-390');
    await noSeriousViolations(other.page);
    await other.context.close();
    await context.close();
  });

  it('an anonymous suggestion gets a reference and a short digit code, and is followed with them', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/portal`);
    await page.getByRole('link', { name: /استفسار أو شكوى أو اقتراح/ }).click();
    await heading(page, /ما نوع رسالتك؟/);
    await page.getByRole('radio', { name: /^اقتراح/ }).check();
    await screenshot(page, 'portal-14-contact-kind-390');
    await noSeriousViolations(page);
    await next(page);

    await heading(page, /نص رسالتك/);
    await page.getByLabel('الموضوع').fill('مواعيد توصيل الصهاريج');
    await page.getByLabel('التفاصيل').fill('أقترح إرسال رسالة قبل وصول الصهريج بساعة.');
    await page.getByLabel('إرسال الاقتراح دون ذكر اسمي').check();
    expect(await page.getByLabel('اسمك').count()).toBe(0);
    await screenshot(page, 'portal-15-contact-details-390');
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();

    await heading(page, 'وصلتنا رسالتك');
    const caseReference = (await page.getByTestId('case-reference').textContent())?.trim() ?? '';
    const key = (await page.getByTestId('case-follow-code').textContent())?.trim() ?? '';
    expect(caseReference).toMatch(/^C-\d{4}-\d{5}$/);
    // A short all-digit code in two groups, easy to read aloud.
    expect(toLatinDigits(key)).toMatch(/^\d{4} \d{4}$/);
    await page.getByRole('button', { name: 'نسخ رمز المتابعة' }).waitFor();
    await screenshot(page, 'portal-16-contact-sent-390');
    await noSeriousViolations(page);

    await page.getByRole('button', { name: 'متابعة رسالتك' }).click();
    await heading(page, 'متابعة اقتراح دون اسم');
    expect(await page.getByLabel('رقم الرسالة').inputValue()).toBe(caseReference);
    await page.getByRole('button', { name: 'عرض الحالة' }).click();
    await heading(page, 'حالة رسالتك');
    expect(await page.getByTestId('case-status').textContent()).toContain('استلمنا رسالتك');
    await page.getByText('لا توجد ردود بعد. سنرد عليك قريباً.').waitFor();
    await screenshot(page, 'portal-17-follow-390');
    await noSeriousViolations(page);
    await context.close();
  });

  it('the contact page and the policy in plain words, on a phone and a desktop', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/portal`);
    await page
      .getByRole('link', { name: /التواصل معنا وزيارتنا/ })
      .first()
      .click();
    await heading(page, 'التواصل معنا وزيارتنا');
    expect(await page.getByTestId('call').getAttribute('href')).toMatch(/^tel:\+9661\d{8}$/);
    expect(await page.getByTestId('whatsapp').getAttribute('href')).toMatch(/^https:\/\/wa\.me\/9665\d{8}$/);
    expect(await page.getByTestId('hours').textContent()).toBe('من الأحد إلى الخميس، من ٨:٠٠ صباحاً إلى ٤:٠٠ مساءً');
    await page.getByRole('heading', { name: 'مكاتبنا' }).waitFor();
    await screenshot(page, 'portal-22-contact-us-390');
    await noSeriousViolations(page);

    await page.goto(`${server.url}/portal`);
    await page
      .getByRole('link', { name: /حقوقك وكيف نعمل/ })
      .first()
      .click();
    await heading(page, 'حقوقك وكيف نعمل');
    expect(await page.getByTestId('decision-rule').textContent()).toContain('خلال ١٤ يوماً تقريباً');
    await page.getByText(/ولا نستخدمه أبداً لمعاقبة أحد أو لومه/).waitFor();
    await page.getByText(/نرد عليك أول مرة خلال ٤ ساعات عمل، ونسعى لحلها خلال ٥ أيام عمل/).waitFor();
    await screenshot(page, 'portal-23-rights-390');
    await noSeriousViolations(page);

    // The neutral answer to an application that could not be linked to a file (someone else's ID, a closed file):
    // received, staff will call; nothing about the ID. (The answer itself is tested in portal.test.ts.)
    await page.evaluate(() =>
      sessionStorage.setItem(
        'wasl.portal.applyDone.v1',
        JSON.stringify({
          outcome: 'review',
          reference: 'C-2026-00042',
          replyTime: { unit: 'hours', n: 8 },
          issuedAt: Date.now(),
        }),
      ),
    );
    await page.goto(`${server.url}/portal/apply`);
    await heading(page, 'وصلنا طلبك');
    await page.getByText('سيتصل بك موظف الجمعية على جوالك ليتأكد من بياناتك قبل دراسة الطلب.').waitFor();
    await page.getByText('نتصل بك خلال ٨ ساعات عمل.').waitFor();
    await screenshot(page, 'portal-26-apply-review-390');
    await noSeriousViolations(page);

    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.url}/portal/contact-us`);
    await heading(page, 'التواصل معنا وزيارتنا');
    await screenshot(page, 'portal-24-contact-us-1440');
    await noSeriousViolations(page);
    await page.goto(`${server.url}/portal/rights`);
    await heading(page, 'حقوقك وكيف نعمل');
    await screenshot(page, 'portal-25-rights-1440');
    await noSeriousViolations(page);
    await context.close();
  });

  it('policies and FAQs read on a phone; an unknown survey link says plainly it is not available; the home page at 1440', async () => {
    const { context, page } = await phone();
    await page.goto(`${server.url}/portal/info`);
    await heading(page, 'السياسات والأسئلة الشائعة');
    await page.getByText('متى أعرف نتيجة طلبي؟').click();
    await page.getByText(/خلال أسبوعين تقريباً/).waitFor();
    await screenshot(page, 'portal-18-info-390');
    await noSeriousViolations(page);

    // A link that was never sent (or was used, or expired) gets a kind, plain answer.
    await page.goto(`${server.url}/portal/survey/${'x'.repeat(24)}`);
    await heading(page, 'هذا الرابط لم يعد متاحاً');
    await screenshot(page, 'portal-19-survey-390');
    await noSeriousViolations(page);

    await page.setViewportSize(DESKTOP);
    await page.goto(`${server.url}/portal`);
    await heading(page, 'كيف نخدمك اليوم؟');
    await screenshot(page, 'portal-20-home-1440');
    await page.goto(`${server.url}/portal/apply`);
    await heading(page, /ما الخدمة المطلوبة؟/);
    await screenshot(page, 'portal-21-apply-1440');
    await noSeriousViolations(page);
    await context.close();
  });
});

describe('the first load of /portal on a phone', () => {
  it('stays within 180 KB as transferred (JS + CSS + fonts) and fetches only the Arabic font files', async () => {
    const load = await measureFirstLoad(browser, `${server.url}/portal`);
    const fonts = load.files.filter((file) => file.type === 'Font').map((file) => file.url);
    // Both weights of the Arabic subset, nothing of the Latin one: the page has no Latin words.
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/ibm-plex-sans-arabic-arabic-(400|700)-normal/);
    // Text is sent compressed (brotli, pre-compressed at build time).
    for (const file of load.files.filter((f) => f.type === 'Script' || f.type === 'Stylesheet')) {
      if (file.bytes > 2048) expect(file.encoding).toBe('br');
    }
    expect(load.budgeted).toBeGreaterThan(100 * 1024);
    // 173.6 KB on 5 December 2026 (page strings and icons split per page, small chunks compressed, no
    // module-preload polyfill): 180 is the budget.
    expect(load.budgeted).toBeLessThanOrEqual(180 * 1024);
  });

  it('/portal/apply opened directly: the first step without the later steps, the confirmation or their strings', async () => {
    const load = await measureFirstLoad(browser, `${server.url}/portal/apply`);
    const scripts = load.files.filter((file) => file.type === 'Script').map((file) => file.url);
    // The later steps (steps.tsx), the confirmation (Done.tsx) and the upload come only when needed.
    expect(scripts.some((url) => /\/(steps|Done|Upload)-/.test(url))).toBe(false);
    expect(scripts.some((url) => /\/ApplyPage-/.test(url))).toBe(true);
    // 191.3 KB on 5 December 2026, down from 205.6: above the 180 KB (see docs/benchmarks.md, third
    // pass); this bound keeps it from growing back.
    expect(load.budgeted).toBeLessThanOrEqual(192 * 1024);
  });
});
