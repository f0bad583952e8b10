import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riyadhDate } from '../src/common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../src/common/domain/sla';
import { ApiClient } from './api';
import { demoCommittee, raisedApplication } from './flows';
import { launchBrowser, PHONE, type RunningServer, startServer } from './support';

// Issue 18 in the browser: the branch representative loads the day's route, loses the signal, records two
// deliveries with a photo, an inspection, a contact and a registration draft, reloads the page still offline
// (nothing lost), and when the signal returns every record reaches the server exactly once; a delivery cancelled
// at the office meanwhile is held on the phone for review with both versions. Screenshots at 390×844.

const SHOTS = path.resolve('docs/screenshots');
const PHOTO = path.resolve('src/web/public/field/icon-512.png');

let server: RunningServer;
let browser: Browser;
let officer: ApiClient;
let rep: ApiClient;
const households: { beneficiaryId: string; name: string; deliveryId: string }[] = [];

async function enrolled(committee: ApiClient, names: string[][]) {
  const branches = await officer.call('GET', '/api/branches');
  const khb = branches.items.find((b: { code: string }) => b.code === 'KHB').id as string;
  const apps = [];
  for (const n of names) apps.push(await raisedApplication(officer, 'water_cooler', n, { branchId: khb }));
  // The demo committee: three members, two of them present make the quorum.
  const { chairId, memberIds, quorum } = await demoCommittee(committee);
  const repId = (await rep.call('GET', '/api/auth/session')).user.id as string;
  const meeting = await officer.call('POST', '/api/committee/meetings', {
    scheduledAt: new Date(Date.now() - 60_000).toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: chairId,
    memberIds,
  });
  await committee.call('PUT', `/api/committee/meetings/${meeting.id}/attendance`, { present: quorum });
  for (const app of apps) {
    await committee.call('POST', `/api/committee/meetings/${meeting.id}/items/${app.applicationId}/decision`, {
      decision: 'accepted',
    });
    // The home inspection is the representative's to record, and the appointment is a day and a window (issue 12).
    await officer.call('PUT', `/api/applications/${app.applicationId}/inspection/assignee`, { assigneeUserId: repId });
    await rep.call('POST', `/api/applications/${app.applicationId}/inspection/result`, {
      outcome: 'suitable',
      note: 'المنزل مناسب والطريق إليه ممهد',
    });
    await officer.call('PUT', `/api/applications/${app.applicationId}/appointment`, {
      date: nextWorkingDate(riyadhDate(new Date()), DEFAULT_CALENDAR),
      from: '08:00',
      to: '12:00',
    });
    const steps = (await officer.call('GET', `/api/applications/${app.applicationId}/completion`)).items;
    for (const step of steps.filter((s: { done: boolean }) => !s.done))
      await officer.call('PUT', `/api/applications/${app.applicationId}/completion/${step.stepKey}`, { done: true });
    const done = await officer.call('POST', `/api/applications/${app.applicationId}/enrol`);
    households.push({ beneficiaryId: app.beneficiaryId, name: app.name, deliveryId: done.deliveryIds[0] });
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  officer = await new ApiClient(server.url).login('officer');
  rep = await new ApiClient(server.url).login('branchrep');
  const committee = await new ApiClient(server.url).login('committee');
  await enrolled(committee, [
    ['سالم', 'مبارك', 'سعد', 'العتيبي'],
    ['نورة', 'حمد', 'علي', 'الحربي'],
    ['فهد', 'ناصر', 'عبدالله', 'المطيري'],
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const stop = (page: Page, name: string) => page.getByTestId('stop').filter({ hasText: name });
const waiting = (page: Page) => page.getByTestId('waiting').textContent();

async function saveDelivery(page: Page, name: string, recipient: string) {
  await stop(page, name).getByRole('button', { name: 'تم التسليم' }).click();
  await page.getByLabel('اسم المستلم').fill(recipient);
  // The route is for today and the next working days: a visit before its day says why.
  const early = page.getByLabel('سبب التسليم قبل الموعد');
  if (await early.count()) await early.fill('المستفيد طلب الاستلام اليوم لسفره');
  await page.locator('input[type=file][data-purpose=delivery_proof]').setInputFiles(PHOTO);
  await page.getByTestId('photo-ready').waitFor();
  await page.getByRole('button', { name: 'حفظ على الجهاز' }).click();
  await page.getByRole('status').waitFor();
}

describe('field work without a signal', () => {
  let context: BrowserContext;
  let page: Page;

  it('records everything offline, keeps it through a reload, and sends each record once when back online', async () => {
    context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
    await context.addCookies(rep.browserCookie());
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/field/`);
    for (const h of households) await stop(page, h.name).waitFor();
    // The service worker has cached the shell before the signal goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await shot(page, 'field-route-390');

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('دون اتصال');
    // Meanwhile at the office, the third household's file is suspended: its planned delivery is cancelled.
    const [first, second, third] = households as [
      (typeof households)[0],
      (typeof households)[0],
      (typeof households)[0],
    ];
    await officer.call('POST', `/api/beneficiaries/${third.beneficiaryId}/status`, {
      action: 'suspend',
      reason: 'انتقلت الأسرة إلى مدينة أخرى',
    });

    await saveDelivery(page, first.name, 'سالم العتيبي');
    await saveDelivery(page, second.name, 'نورة الحربي');
    await saveDelivery(page, third.name, 'فهد المطيري');

    await stop(page, first.name).getByRole('button', { name: 'معاينة' }).click();
    await page.getByLabel('سيئة').check();
    await page.getByLabel('عدد المقيمين في المنزل').fill('6');
    await page.getByLabel('ما لوحظ في المعاينة').fill('المكيف معطل والسقف يسرب الماء');
    await page.getByLabel('احتياج عاجل').check();
    await page.locator('input[type=file][data-purpose=home]').setInputFiles(PHOTO);
    await page.getByTestId('photo-ready').waitFor();
    await page.getByRole('button', { name: 'حفظ على الجهاز' }).click();
    await page.getByRole('status').waitFor();

    await stop(page, second.name).getByRole('button', { name: 'تسجيل تواصل' }).click();
    await page.getByLabel('ملخص التواصل').fill('اتصلت لتأكيد وجود الأسرة قبل الزيارة');
    await page.getByRole('button', { name: 'حفظ على الجهاز' }).click();
    await page.getByRole('status').waitFor();

    await page.getByRole('button', { name: 'تسجيل أسرة' }).click();
    await page.getByLabel('الاسم الأول').fill('حصة');
    await page.getByLabel('اسم العائلة').fill('العنزي');
    await page.getByLabel('رقم الجوال').fill('0551234567');
    await page.getByLabel('الحي أو القرية').fill('قرية الشقة');
    await page.getByLabel('عدد المقيمين في المنزل').fill('5');
    await page.locator('input[type=file][data-purpose=national_id]').setInputFiles(PHOTO);
    await page.getByTestId('photo-ready').waitFor();
    await page.getByRole('checkbox').check();
    await shot(page, 'field-register-offline-390');
    await page.getByRole('button', { name: 'حفظ على الجهاز' }).click();
    await page.getByRole('status').waitFor();
    expect(await waiting(page)).toBe('بانتظار الإرسال: ٦');
    await page.getByRole('button', { name: 'السجلات' }).click();
    await shot(page, 'field-queue-offline-390');

    // A reload with no signal: the shell comes from the service worker, the records from IndexedDB.
    await page.reload();
    await expect.poll(() => waiting(page)).toBe('بانتظار الإرسال: ٦');
    await stop(page, first.name).waitFor();
    expect(await page.getByTestId('connection').textContent()).toBe('دون اتصال');

    await context.setOffline(false);
    await expect.poll(() => waiting(page), { timeout: 30_000 }).toBe('بانتظار الإرسال: ٠');
    await page.getByRole('button', { name: 'السجلات' }).click();
    await expect.poll(() => page.locator('[data-state=sent]').count()).toBe(5);
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('أُلغيت');
    expect(await conflict.textContent()).toContain('مجدولة');
    await shot(page, 'field-sync-review-390');

    // Through the API: each record exactly once; the cancelled delivery untouched.
    const deliveries = await rep.call('GET', '/api/deliveries');
    const byId = new Map(deliveries.items.map((d: { id: string }) => [d.id, d]));
    for (const h of [first, second]) {
      const d = byId.get(h.deliveryId) as { status: string; photoDocumentId: string | null };
      expect(d.status).toBe('delivered');
      expect(d.photoDocumentId).not.toBeNull();
    }
    expect((byId.get(third.deliveryId) as { status: string }).status).toBe('cancelled');
    const inspections = await officer.call('GET', `/api/field/inspections?beneficiaryId=${first.beneficiaryId}`);
    expect(inspections.items).toHaveLength(1);
    const contacts = await officer.call('GET', `/api/interactions?beneficiaryId=${second.beneficiaryId}`);
    expect(
      contacts.items.filter((c: { summary: string }) => c.summary === 'اتصلت لتأكيد وجود الأسرة قبل الزيارة'),
    ).toHaveLength(1);
    const drafts = await officer.call('GET', '/api/field/registration-drafts');
    expect(drafts.items.filter((d: { data: { firstName: string } }) => d.data.firstName === 'حصة')).toHaveLength(1);

    // Sending again (the button) writes nothing twice: nothing is waiting, and the counts stay the same.
    await page.getByRole('button', { name: 'إرسال الآن' }).click();
    expect((await officer.call('GET', '/api/field/registration-drafts')).items).toHaveLength(drafts.items.length);
  }, 180_000);

  it('clears the phone at sign-out', async () => {
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL(/\/login/);
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names.filter((n) => n?.startsWith('wasl-field-'))).toEqual([]);
    await context.close();
  });
});
