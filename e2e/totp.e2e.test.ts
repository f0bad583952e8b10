import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api';
import { launchBrowser, PHONE, type RunningServer, screenshot, seriousViolations, startServer } from './support';

const USERNAME = 'totp.e2e';
const PASSWORD = 'totp-e2e-pass-1';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await new ApiClient(server.url).login('admin');
  const created = await admin.call<{ id: string }>('POST', '/api/users', {
    username: USERNAME,
    displayName: 'موظف تجريبي',
    password: PASSWORD,
    role: 'officer',
    branchId: null,
  });
  await admin.call('PATCH', `/api/users/${created.id}`, { totpRequired: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page) {
  await page.waitForURL(/\/login/);
  await page.getByLabel('اسم المستخدم').fill(USERNAME);
  await page.getByLabel('كلمة المرور').fill(PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
}

describe('two-step verification enrolment', () => {
  it('a user who must enrol is led to the profile page, enrols, and then signs in with a code', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await signIn(page);

    const banner = page.getByRole('region', { name: 'التحقق بخطوتين' });
    await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true);
    await banner.getByRole('link', { name: 'فعّله الآن' }).click();
    await page.waitForURL(/\/settings\/profile$/);
    await expect.poll(() => page.getByText('غير مفعّل', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('مطلوب لحسابك', { exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'تفعيل التحقق بخطوتين' }).click();
    const secretText = page.getByTestId('totp-secret');
    await expect.poll(() => secretText.isVisible()).toBe(true);
    const secret = ((await secretText.textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const setupLink = page.getByRole('link', { name: 'فتح في تطبيق المصادقة' });
    expect(await setupLink.getAttribute('href')).toMatch(/^otpauth:\/\//);
    await screenshot(page, 'totp-enrol-390');
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong code is refused with the server's Arabic message next to the field.
    const codeField = page.getByLabel('رمز التحقق');
    const code = await generate({ secret });
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'تأكيد التفعيل' }).click();
    await expect.poll(() => page.getByText('رمز التحقق غير صحيح أو انتهت صلاحيته.').isVisible()).toBe(true);

    // Enrol with the previous step's code: each step's code is accepted once, and sign-in below uses the current one.
    await codeField.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
    await page.getByRole('button', { name: 'تأكيد التفعيل' }).click();
    await expect.poll(() => page.getByText('مفعّل', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'حفظتُ الرموز' }).click();
    expect(await banner.count()).toBe(0);

    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await signIn(page);
    const totpField = page.getByLabel('رمز التحقق');
    await expect.poll(() => totpField.isVisible()).toBe(true);
    await totpField.fill(await generate({ secret }));
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByText('موظف تجريبي').first().isVisible()).toBe(true);
    expect(await banner.count()).toBe(0);
    await context.close();
  });
});
