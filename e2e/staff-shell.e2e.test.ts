import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/server/seed/demo-users';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
} from './support';

const ROLE_AR = {
  admin: 'مدير النظام',
  manager: 'المدير التنفيذي',
  officer: 'موظف علاقات المستفيدين',
  execution_officer: 'مسؤول التنفيذ',
  committee: 'عضو اللجنة',
  branch_rep: 'مندوب مكتب فرعي',
} as Record<string, string> & { officer: string };

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

async function signIn(page: import('playwright-core').Page, username: string) {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
}

describe('staff shell in Arabic, right to left', () => {
  it('the officer signs in and sees the dashboard, at phone and desktop widths, with no serious axe violation', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await screenshot(page, 'login-390');
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, 'officer');
    const officer = DEMO_USERS.find((u) => u.username === 'officer')!;
    await expect.poll(() => page.getByText(officer.displayName).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(ROLE_AR.officer).first().isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The page's own text is Arabic: the main heading carries Arabic letters.
    expect(await page.locator('main').textContent()).toMatch(/[\u0600-\u06FF]{3,}/);
    await screenshot(page, 'home-officer-390');
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'home-officer-1440');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('each demo role signs in and sees its own dashboard; only the admin is offered user management', async () => {
    for (const user of DEMO_USERS) {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await signIn(page, user.username);
      await expect.poll(() => page.getByText(user.displayName).first().isVisible(), { timeout: 15_000 }).toBe(true);
      await expect
        .poll(() =>
          page
            .getByText(ROLE_AR[user.role] ?? user.role)
            .first()
            .isVisible(),
        )
        .toBe(true);
      const usersLink = page.getByRole('link', { name: 'المستخدمون' });
      expect(await usersLink.count(), user.username).toBe(user.role === 'admin' ? 1 : 0);
      await context.close();
    }
  });

  it('a wrong password shows a clear Arabic error next to the form', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('اسم المستخدم').fill('officer');
    await page.getByLabel('كلمة المرور').fill('wrong-password');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect.poll(() => page.getByText('اسم المستخدم أو كلمة المرور غير صحيحة.').isVisible()).toBe(true);
    await context.close();
  });
});
