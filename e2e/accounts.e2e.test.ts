import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Issue 22, item 4: an admin gives a temporary password, the user must change it, enrols two-step by QR, keeps
// recovery codes and signs in with one; the admin then resets the lost two-step.
const USERNAME = 'accounts.e2e';
const DISPLAY = 'هند الموظفة';
const FIRST = 'first-pass-e2e-1';
const TEMPORARY = 'temporary-e2e-22';
const OWN = 'my-own-e2e-pass-3';

/** Pages load lazily and the machine is shared: give each wait a generous limit. */
const until = { timeout: 15_000 };

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await new ApiClient(server.url).login('admin');
  await admin.call('POST', '/api/users', {
    username: USERNAME,
    displayName: DISPLAY,
    password: FIRST,
    role: 'officer',
    branchId: null,
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, password: string) {
  await page.waitForURL(/\/login/);
  await page.getByLabel('اسم المستخدم').fill(USERNAME);
  await page.getByLabel('كلمة المرور').fill(password);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
}

async function adminPage(viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'ar-SA' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('اسم المستخدم').fill('admin');
  await page.getByLabel('كلمة المرور').fill('wasl-demo-2026');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`${server.url}/users`);
  await expect.poll(() => page.getByRole('heading', { name: 'المستخدمون' }).isVisible(), until).toBe(true);
  return { context, page };
}

async function findUser(page: Page) {
  await page.getByLabel('بحث عن مستخدم').fill('accounts');
  await page.getByRole('button', { name: 'بحث', exact: true }).click();
  await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
  return page.getByRole('row').filter({ hasText: DISPLAY });
}

describe('accounts journey', () => {
  it('temporary password → forced change → two-step by QR → recovery code sign-in → admin resets two-step', async () => {
    // 1. The admin finds the user and gives a temporary password (desktop).
    const admin = await adminPage(DESKTOP);
    const row = await findUser(admin.page);
    expect(await row.getByText('لم يدخل بعد').isVisible()).toBe(true);
    expect(await row.getByText('غير مفعّل').isVisible()).toBe(true);
    await screenshot(admin.page, 'accounts-users-search-1440');
    expect(await seriousViolations(admin.page)).toEqual([]);
    await row.getByRole('button', { name: `تعيين كلمة مرور جديدة لـ ${DISPLAY}` }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('كلمة المرور المؤقتة').fill('short');
    await dialog.getByRole('button', { name: 'تعيين كلمة المرور' }).click();
    await expect.poll(() => dialog.getByText(/كلمة المرور قصيرة/).isVisible(), until).toBe(true);
    await dialog.getByLabel('كلمة المرور المؤقتة').fill(TEMPORARY);
    await screenshot(admin.page, 'accounts-reset-password-1440');
    await dialog.getByRole('button', { name: 'تعيين كلمة المرور' }).click();
    await expect.poll(() => admin.page.getByText(/عُيّنت كلمة مرور مؤقتة/).isVisible(), until).toBe(true);
    await expect.poll(() => row.getByText('بانتظار تغيير كلمة المرور').isVisible(), until).toBe(true);

    // 2. The user signs in with it on a phone and must choose their own password first.
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await signIn(page, TEMPORARY);
    await expect
      .poll(() => page.getByRole('heading', { name: 'اختر كلمة مرور جديدة' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await screenshot(page, 'accounts-forced-change-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('كلمة المرور المؤقتة').fill(TEMPORARY);
    await page.getByLabel('كلمة المرور الجديدة', { exact: true }).fill(OWN);
    await page.getByLabel('تأكيد كلمة المرور الجديدة').fill(OWN);
    await page.getByRole('button', { name: 'حفظ كلمة المرور والمتابعة' }).click();
    await expect.poll(() => page.getByText(DISPLAY).first().isVisible(), { timeout: 15_000 }).toBe(true);

    // 3. Two-step set-up with the QR code and the tappable otpauth: link.
    await page.goto(`${server.url}/settings/profile`);
    await page.getByRole('button', { name: 'تفعيل التحقق بخطوتين' }).click();
    const qr = page.getByTestId('totp-qr');
    await expect.poll(() => qr.isVisible(), until).toBe(true);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.getAttribute('alt')).toBe('رمز QR لإضافة الحساب إلى تطبيق المصادقة');
    // The QR image really drew (not a broken image).
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const link = page.getByRole('link', { name: 'فتح في تطبيق المصادقة' });
    expect(await link.getAttribute('href')).toMatch(/^otpauth:\/\/totp\/Wasl:accounts\.e2e\?secret=/);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await screenshot(page, 'accounts-totp-qr-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('رمز التحقق').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
    await page.getByRole('button', { name: 'تأكيد التفعيل' }).click();

    // 4. Ten recovery codes, shown once.
    const list = page.getByTestId('recovery-codes');
    await expect.poll(() => list.isVisible(), until).toBe(true);
    const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await screenshot(page, 'accounts-recovery-codes-390');
    await page.getByRole('button', { name: 'حفظتُ الرموز' }).click();
    await expect.poll(() => page.getByTestId('recovery-left').textContent(), until).toBe('بقي لك ١٠ رموز استرداد.');

    // 5. A lost phone: sign in with a recovery code instead.
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await signIn(page, OWN);
    await expect.poll(() => page.getByLabel('رمز التحقق').isVisible(), until).toBe(true);
    await page.getByRole('button', { name: 'فقدت جوالك؟ استخدم رمز استرداد' }).click();
    await page.getByLabel('رمز الاسترداد').fill(codes[0]!);
    await screenshot(page, 'accounts-login-recovery-390');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${server.url}/settings/profile`);
    await expect.poll(() => page.getByTestId('recovery-left').textContent(), until).toBe('بقي لك ٩ رموز استرداد.');
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    // The same code does not work twice.
    await signIn(page, OWN);
    await page.getByRole('button', { name: 'فقدت جوالك؟ استخدم رمز استرداد' }).click();
    await page.getByLabel('رمز الاسترداد').fill(codes[0]!);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect.poll(() => page.getByText('رمز الاسترداد غير صحيح أو استُخدم من قبل.').isVisible(), until).toBe(true);

    // 6. The admin resets the lost two-step (phone-sized admin screen this time).
    await admin.context.close();
    const phoneAdmin = await adminPage(PHONE);
    const phoneRow = await findUser(phoneAdmin.page);
    await expect.poll(() => phoneRow.getByText('مفعّل', { exact: true }).first().isVisible(), until).toBe(true);
    await screenshot(phoneAdmin.page, 'accounts-users-search-390');
    await phoneRow.getByRole('button', { name: `إعادة تعيين التحقق بخطوتين لـ ${DISPLAY}` }).click();
    const confirm = phoneAdmin.page.getByRole('alertdialog');
    await screenshot(phoneAdmin.page, 'accounts-reset-totp-390');
    await confirm.getByRole('button', { name: 'إعادة التعيين' }).click();
    await expect.poll(() => phoneAdmin.page.getByText(/أُعيد تعيين التحقق بخطوتين/).isVisible(), until).toBe(true);
    await expect.poll(() => phoneRow.getByText('غير مفعّل').isVisible(), until).toBe(true);
    await phoneAdmin.context.close();

    // The user signs in with the password alone.
    await page.goto(`${server.url}/login`);
    await page.getByLabel('اسم المستخدم').fill(USERNAME);
    await page.getByLabel('كلمة المرور').fill(OWN);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByText(DISPLAY).first().isVisible(), until).toBe(true);
    await context.close();
  });

  it('a disabled user is told so after the right password only', async () => {
    const admin = await new ApiClient(server.url).login('admin');
    const user = await admin.call<{ id: string }>('POST', '/api/users', {
      username: 'disabled.e2e',
      displayName: 'حساب موقوف',
      password: 'disabled-e2e-pass',
      role: 'officer',
      branchId: null,
    });
    await admin.call('PATCH', `/api/users/${user.id}`, { disabled: true });
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ar-SA' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('اسم المستخدم').fill('disabled.e2e');
    await page.getByLabel('كلمة المرور').fill('disabled-e2e-pass');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect.poll(() => page.getByText(/هذا الحساب موقوف/).isVisible(), until).toBe(true);
    await screenshot(page, 'accounts-disabled-1440');
    await context.close();
  });
});
