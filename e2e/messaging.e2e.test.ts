import { createHmac } from 'node:crypto';
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

// The admin's message rules in Arabic: a template's category and WhatsApp mapping, quiet hours, a message waiting
// in the outbox with its reason, and a delivery receipt's state (decision 019).

const SMS_SECRET = 'e2e-sms-secret';
let server: RunningServer;
let browser: Browser;
let admin: ApiClient;
let officer: ApiClient;

beforeAll(async () => {
  server = await startServer({ SMS_WEBHOOK_SECRET: SMS_SECRET });
  browser = await launchBrowser();
  admin = await new ApiClient(server.url).login('admin');
  officer = await new ApiClient(server.url).login('officer');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Item = {
  id: string;
  templateKey: string;
  status: string;
  holdReason: string | null;
  providerMessageId?: string;
  deliveryStatus: string | null;
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function open(viewport: { width: number; height: number }, client: ApiClient): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ar-SA' });
  await context.addCookies(client.browserCookie());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const hhmm = (d: Date) => {
  const riyadh = new Date(d.getTime() + 3 * 3_600_000);
  return `${String(riyadh.getUTCHours()).padStart(2, '0')}:${String(riyadh.getUTCMinutes()).padStart(2, '0')}`;
};

describe('message rules on the admin screens', () => {
  it('category and WhatsApp mapping, quiet hours, a waiting message with its reason, a delivery receipt', async () => {
    const page = await open(DESKTOP, admin);

    // 1. Templates: the survey link on WhatsApp becomes "awareness" and is mapped to an approved template.
    await page.goto(`${server.url}/admin/templates`);
    await page.getByRole('heading', { level: 1, name: 'قوالب الرسائل' }).waitFor();
    await page.getByRole('button', { name: 'تعديل قالب رابط قياس الرضا — واتساب' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /توعوية/ }).check({ force: true });
    await dialog.getByRole('checkbox', { name: 'مربوط بقالب معتمد' }).check({ force: true });
    await dialog.getByLabel('اسم القالب في واتساب').fill('satisfaction_link');
    await dialog.getByRole('button', { name: 'إضافة متغير للقالب المعتمد' }).click();
    await screenshot(page, 'messaging-template-1440');
    await dialog.getByRole('button', { name: 'حفظ القالب' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('mapping-survey_link').textContent()).toContain('satisfaction_link (ar)');
    const templates = await admin.call<{
      items: { key: string; channel: string; category: string; whatsapp: unknown }[];
    }>('GET', '/api/message-templates');
    expect(templates.items.find((t) => t.key === 'survey_link' && t.channel === 'whatsapp')).toMatchObject({
      category: 'awareness',
      whatsapp: { name: 'satisfaction_link', language: 'ar', params: ['link'] },
    });
    // The history keeps the version with who saved it.
    await page.getByRole('button', { name: 'تعديل قالب رابط قياس الرضا — واتساب' }).click();
    await dialog.getByText('سجل النسخ (١)').click();
    await dialog.getByText('النسخة ١').waitFor();
    await dialog.getByRole('button', { name: 'إلغاء' }).click();
    expect(await seriousViolations(page)).toEqual([]);

    // 2. Quiet hours: the window covers now (Riyadh time), so non-urgent messages wait.
    await page.goto(`${server.url}/admin/messaging`);
    await page.getByRole('heading', { level: 1, name: 'قواعد الرسائل' }).waitFor();
    const now = new Date();
    await page.getByLabel('تبدأ الساعة').fill(hhmm(new Date(now.getTime() - 3_600_000)));
    await page.getByLabel('تنتهي الساعة').fill(hhmm(new Date(now.getTime() + 2 * 3_600_000)));
    await page.getByRole('checkbox', { name: 'لا رسائل غير عاجلة يوم الجمعة قبل الظهر' }).check({ force: true });
    await page.getByRole('button', { name: 'حفظ القواعد' }).click();
    await page.getByText('حُفظت قواعد الرسائل.').waitFor();
    await screenshot(page, 'messaging-rules-1440');
    expect(await seriousViolations(page)).toEqual([]);
    const rules = await admin.call<{ quietHoursEnabled: boolean; fridayMorningQuiet: boolean }>(
      'GET',
      '/api/messaging/settings',
    );
    expect(rules).toMatchObject({ quietHoursEnabled: true, fridayMorningQuiet: true });

    // 3. A resolved inquiry sends a survey link (not urgent): it waits for quiet hours. A reply goes at once.
    const mobile = `050${String(Date.now()).slice(-7)}`;
    const created = await officer.call<{ id: string }>('POST', '/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'سؤال عن موعد التوزيع',
      description: 'متى توزيع السلال؟',
      contactName: 'أبو ناصر',
      contactMobile: mobile,
    });
    await officer.call('POST', `/api/cases/${created.id}/messages`, { kind: 'reply', body: 'التوزيع يوم الأحد.' });
    await officer.call('POST', `/api/cases/${created.id}/transitions`, { to: 'resolved', note: 'أُجيب' });
    const waiting = await waitFor('the survey link to wait', async () => {
      const outbox = await admin.call<{ items: Item[] }>('GET', '/api/notifications?limit=50');
      return outbox.items.find((m) => m.templateKey === 'survey_link' && m.holdReason === 'quiet_hours');
    });
    expect(waiting.status).toBe('queued');
    const reply = await waitFor('the reply to be sent', async () => {
      const outbox = await admin.call<{ items: (Item & { id: string })[] }>('GET', '/api/notifications?limit=50');
      return outbox.items.find((m) => m.templateKey === 'case_reply' && m.status === 'sent');
    });

    // 4. The SMS provider's signed delivery report: the reply was delivered.
    const receipt = JSON.stringify({
      type: 'delivery',
      messageId: await providerMessageIdOf(reply.id),
      status: 'Delivered',
    });
    const res = await fetch(`${server.url}/api/webhooks/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wasl-signature': `sha256=${createHmac('sha256', SMS_SECRET).update(receipt).digest('hex')}`,
      },
      body: receipt,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ handled: 1 });

    await page.goto(`${server.url}/admin/outbox`);
    await page.getByRole('heading', { level: 1, name: 'الرسائل الصادرة' }).waitFor();
    const survey = page.getByRole('article', { name: 'رابط قياس الرضا — رسالة نصية' }).first();
    await expect.poll(() => survey.getByTestId('hold-reason').textContent()).toContain('تنتظر (ساعات الهدوء) حتى');
    const delivered = page.getByRole('article', { name: 'الرد على المستفيد — رسالة نصية' }).first();
    await expect.poll(() => delivered.getByTestId('delivery-status').textContent()).toContain('وصلت');
    // The receipt itself is listed among what the providers sent, processed.
    await page.getByRole('heading', { level: 2, name: 'ما ورد من مزودي الرسائل' }).waitFor();
    await page.getByText('عولج').first().waitFor();
    await screenshot(page, 'messaging-outbox-1440');
    expect(await seriousViolations(page)).toEqual([]);

    // The same screens on a phone.
    const phone = await open(PHONE, admin);
    await phone.goto(`${server.url}/admin/outbox`);
    await phone
      .getByRole('article', { name: 'رابط قياس الرضا — رسالة نصية' })
      .first()
      .getByTestId('hold-reason')
      .waitFor();
    await screenshot(phone, 'messaging-outbox-390');
    await phone.goto(`${server.url}/admin/messaging`);
    await phone.getByRole('button', { name: 'حفظ القواعد' }).waitFor();
    await screenshot(phone, 'messaging-rules-390');
    await phone.goto(`${server.url}/admin/templates`);
    await phone.getByRole('button', { name: 'تعديل قالب رابط قياس الرضا — واتساب' }).click();
    await phone.getByRole('dialog').getByLabel('اسم القالب في واتساب').waitFor();
    await screenshot(phone, 'messaging-template-390');
    expect(await seriousViolations(phone)).toEqual([]);

    // The desk: an officer records that the person stops non-service messages.
    const desk = await open(PHONE, officer);
    await desk.goto(`${server.url}/messaging/contacts`);
    await desk.getByLabel('رقم الجوال').fill(mobile);
    await desk.getByRole('button', { name: 'عرض' }).click();
    await desk.getByRole('checkbox', { name: 'أوقف الرسائل غير الخدمية' }).check({ force: true });
    await desk.getByRole('button', { name: 'حفظ التفضيلات' }).click();
    await desk.getByText(/حُفظت تفضيلات/).waitFor();
    await screenshot(desk, 'messaging-contacts-390');
    expect(await seriousViolations(desk)).toEqual([]);
    const contact = await officer.call<{ optedOut: boolean; optedOutVia: string }>(
      'GET',
      `/api/messaging/contacts/${mobile}`,
    );
    expect(contact).toMatchObject({ optedOut: true, optedOutVia: 'desk' });
  });
});

/** The provider's id of a message (demo mode: `demo-<outbox key>`), read through the outbox API. */
async function providerMessageIdOf(id: string): Promise<string> {
  const outbox = await admin.call<{ items: { id: string; providerMessageId?: string }[] }>(
    'GET',
    '/api/notifications?limit=100',
  );
  const item = outbox.items.find((m) => m.id === id);
  if (!item?.providerMessageId) throw new Error('no provider id in the outbox answer');
  return item.providerMessageId;
}
