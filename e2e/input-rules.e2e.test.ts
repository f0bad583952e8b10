import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, type RunningServer, screenshot, startServer } from './support';

// Issue 14, finding 13: the portal names the broken rule when a mobile number holds letters or markup (the same
// shared rule the server applies), in Arabic, on a phone and on a desktop.

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

describe('input rules in the portal', () => {
  for (const [size, viewport] of [
    ['390', PHONE],
    ['1440', DESKTOP],
  ] as const) {
    it(`a mobile with letters around its digits is refused with its own message (${size})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'ar-SA' });
      const page = await context.newPage();
      await page.goto(`${server.url}/portal`);
      await page.getByRole('link', { name: /استفسار أو شكوى أو اقتراح/ }).click();
      await page.getByRole('radio', { name: /^شكوى/ }).check();
      await page.getByRole('button', { name: 'التالي', exact: true }).click();
      await page.getByLabel('الموضوع').fill('تأخر الصهريج');
      await page.getByLabel('التفاصيل').fill('تأخر الصهريج ثلاثة أيام عن موعده.');
      await page.getByLabel('اسمك').fill('سعد العتيبي');
      await page.getByLabel('رقم جوالك').fill('abc0501234567');
      await page.getByRole('button', { name: 'إرسال', exact: true }).click();
      await page.getByText('رقم الجوال يُكتب بالأرقام فقط').first().waitFor();
      expect(await page.getByText('وصلتنا رسالتك').count()).toBe(0);
      await screenshot(page, `input-rules-mobile-${size}`);
      await context.close();
    });
  }
});
