import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api';
import { launchBrowser, PHONE, type RunningServer, screenshot, seriousViolations, startServer } from './support';

// The satisfaction survey on a phone, in Arabic: the officer resolves an inquiry from a caller with a mobile
// number, the survey link goes out by message, the person rates the service, and the link then works no more.

let server: RunningServer;
let browser: Browser;
let admin: ApiClient;
let officer: ApiClient;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await new ApiClient(server.url).login('admin', 'wasl-demo-2026');
  officer = await new ApiClient(server.url).login('officer', 'wasl-demo-2026');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

type Outbox = { items: { id: string; templateKey: string; body: string }[] };

/** The token in the newest survey message in the outbox (it may be queued a moment after the resolution). */
async function surveyToken(): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const outbox = await admin.call<Outbox>('GET', '/api/notifications?limit=20');
    const item = outbox.items.find((n) => n.templateKey === 'survey_link');
    const token = item?.body.match(/\/portal\/survey\/([^\s/?#]+)/)?.[1];
    if (token) return token;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('no survey_link message in the outbox');
}

describe('satisfaction survey', () => {
  it('is answered once on a phone after a case is resolved', async () => {
    const created = await officer.call<{ id: string }>('POST', '/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'سؤال',
      description: 'متى يصل الصهريج؟',
      contactName: 'أبو ناصر',
      contactMobile: `050${digits(7)}`,
    });
    await officer.call('POST', `/api/cases/${created.id}/transitions`, { to: 'resolved', note: 'أُجيب' });
    const token = await surveyToken();

    const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const link = `${server.url}/portal/survey/${token}`;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'قيّم الخدمة التي وصلتك' }).waitFor();
    expect(await page.locator('html[dir=rtl]').count()).toBe(1);
    expect(await page.getByText('ولا نستخدمه أبداً للوم أحد', { exact: false }).count()).toBe(1);
    await screenshot(page, 'survey-phone');
    expect(await seriousViolations(page)).toEqual([]);

    const rating = page.getByRole('group', { name: /ما مدى رضاك/ });
    expect(await rating.getByRole('radio').count()).toBe(5);
    const box = await rating.locator('label').first().boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThanOrEqual(48);
    // The radio itself is hidden behind its face and words: the person taps the large button (its label).
    await rating.getByText('راضٍ', { exact: true }).click();
    expect(await rating.getByRole('radio', { name: 'راضٍ', exact: true }).isChecked()).toBe(true);
    expect(await rating.getByRole('radio', { checked: true }).getAttribute('value')).toBe('4');
    await page
      .getByRole('group', { name: /هل لُبّيت حاجتك/ })
      .getByRole('radio', { name: 'نعم' })
      .check();
    await page.getByLabel(/هل لديك ملاحظة/).fill('وصل الصهريج في وقته، شكراً لكم.');
    await page.getByRole('button', { name: 'إرسال التقييم' }).click();
    await page.getByRole('heading', { level: 1, name: 'شكراً لك، وصل تقييمك' }).waitFor();
    await screenshot(page, 'survey-thanks');

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'هذا الرابط لم يعد متاحاً' }).waitFor();
    expect(await page.getByTestId('survey-unavailable').textContent()).toContain(
      'استُخدم هذا الرابط من قبل أو انتهت مدته',
    );
    await context.close();
  });
});
