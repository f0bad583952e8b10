import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../src/common/dates';
import { DEFAULT_CALENDAR, nextWorkingDate } from '../src/common/domain/sla';
import { ApiClient } from './api';
import { demoCommittee, raisedApplication } from './flows';
import { DESKTOP, launchBrowser, PHONE, type RunningServer, screenshot, startServer } from './support';

// Issue 12, part A, in the browser at 390 and 1440: who the person is on a case (call, WhatsApp, map that opens
// on any phone), the national ID checked as soon as it is typed, people at home confirmed against the household,
// and "delivered" corrected afterwards only by a recorded correction with a reason.

let server: RunningServer;
let browser: Browser;
let officer: ApiClient;
let rep: ApiClient;
let manager: ApiClient;
let enrolled: Awaited<ReturnType<typeof raisedApplication>>;
let hqFile: Awaited<ReturnType<typeof raisedApplication>>;
let nationalIdOf: (beneficiaryId: string) => Promise<string>;
let caseId: string;
let deliveryId: string;
const PIN = { lat: 25.9876, lng: 43.5567 };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  officer = await new ApiClient(server.url).login('officer');
  rep = await new ApiClient(server.url).login('branchrep');
  manager = await new ApiClient(server.url).login('manager');
  const committee = await new ApiClient(server.url).login('committee');
  const branches = await officer.call('GET', '/api/branches');
  const khb = branches.items.find((b: { code: string }) => b.code === 'KHB').id as string;
  const hq = branches.items.find((b: { code: string }) => b.code === 'HQ').id as string;
  enrolled = await raisedApplication(officer, 'tank_delivery', ['منيرة', 'سالم', 'مبارك', 'القحطاني'], {
    branchId: khb,
    location: PIN,
  });
  hqFile = await raisedApplication(officer, 'tank_delivery', ['بدر', 'حمد', 'ناصر', 'السبيعي'], { branchId: hq });
  nationalIdOf = async (id) => (await officer.call('GET', `/api/beneficiaries/${id}`)).nationalId as string;

  // Accepted, inspected by the representative, the appointment agreed, registration completed by the officer.
  const { chairId, memberIds, quorum } = await demoCommittee(committee);
  const repId = (await rep.call('GET', '/api/auth/session')).user.id as string;
  const meeting = await officer.call('POST', '/api/committee/meetings', {
    scheduledAt: new Date(Date.now() - 60_000).toISOString(),
    location: 'قاعة الاجتماعات',
    chairUserId: chairId,
    memberIds,
  });
  await committee.call('PUT', `/api/committee/meetings/${meeting.id}/attendance`, { present: quorum });
  await committee.call('POST', `/api/committee/meetings/${meeting.id}/items/${enrolled.applicationId}/decision`, {
    decision: 'accepted',
  });
  await officer.call('PUT', `/api/applications/${enrolled.applicationId}/inspection/assignee`, {
    assigneeUserId: repId,
  });
  await rep.call('POST', `/api/applications/${enrolled.applicationId}/inspection/result`, {
    outcome: 'suitable',
    note: 'المنزل مناسب والطريق إليه ممهد',
  });
  const day = nextWorkingDate(addDays(riyadhDate(new Date()), 1), DEFAULT_CALENDAR);
  await officer.call('PUT', `/api/applications/${enrolled.applicationId}/appointment`, {
    date: day,
    from: '08:00',
    to: '12:00',
  });
  const done = await officer.call('POST', `/api/applications/${enrolled.applicationId}/enrol`);
  deliveryId = done.deliveryIds[0];
  const execution = await new ApiClient(server.url).login('execution');
  await execution.call('PATCH', `/api/deliveries/${deliveryId}`, { assigneeUserId: repId });
  // The representative taps "delivered" by mistake, a day early.
  await rep.call('POST', `/api/deliveries/${deliveryId}/outcome`, {
    outcome: 'delivered',
    recipientName: 'منيرة سالم',
    earlyReason: 'المستفيدة طلبت التسليم اليوم',
  });
  const created = await officer.call('POST', '/api/cases', {
    kind: 'inquiry',
    channel: 'phone',
    subject: 'موعد الصهريج القادم',
    description: 'تسأل المستفيدة عن موعد التوصيل القادم.',
    beneficiaryId: enrolled.beneficiaryId,
  });
  caseId = created.id;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInPage(client: ApiClient, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'ar-SA' });
  await context.addCookies(client.browserCookie());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe.each([
  ['390', PHONE],
  ['1440', DESKTOP],
] as const)('issue 12 part A at %s', (width, viewport) => {
  it('the case shows who the person is: name, file number, call, WhatsApp, preferred channel and an https map', async () => {
    const { context, page } = await signedInPage(officer, viewport);
    await page.goto(`${server.url}/cases/${caseId}`);
    const card = page.getByTestId('person-card');
    await card.getByText(enrolled.name).waitFor();
    const file = await officer.call('GET', `/api/beneficiaries/${enrolled.beneficiaryId}`);
    await card.locator(`a[href="/beneficiaries/${enrolled.beneficiaryId}"]`).waitFor();
    const digits = (file.mobile as string).replace('+', '');
    expect(await card.locator(`a[href="tel:+${digits}"]`).count()).toBe(1);
    expect(await card.getByRole('link', { name: 'محادثة واتساب' }).getAttribute('href')).toBe(
      `https://wa.me/${digits}`,
    );
    await card.getByText('قناة التواصل المفضلة').waitFor();
    expect(await card.getByRole('link', { name: 'الموقع على الخريطة' }).getAttribute('href')).toBe(
      `https://www.google.com/maps/search/?api=1&query=${PIN.lat},${PIN.lng}`,
    );
    expect(await card.getByRole('link', { name: 'تطبيق خرائط آخر' }).getAttribute('href')).toMatch(/^geo:/);
    await shot(page, `handoffs-a-01-who-is-this-${width}`);
    await context.close();
  });

  it('the registration form names an existing file as soon as the ID is typed, and asks to confirm people at home', async () => {
    const { context, page } = await signedInPage(officer, viewport);
    await page.goto(`${server.url}/beneficiaries/new`);
    await page.getByLabel('رقم الهوية الوطنية أو الإقامة').fill(await nationalIdOf(enrolled.beneficiaryId));
    const check = page.getByTestId('national-id-check');
    await check.getByText(/هذا الرقم مسجَّل من قبل/).waitFor();
    await check.getByText(new RegExp(enrolled.name)).waitFor();
    await check.getByRole('link', { name: /فتح الملف/ }).waitFor();
    // Four at home, but nobody else listed: the difference is said and must be confirmed.
    await page.getByLabel('عدد الساكنين في المنزل').fill('4');
    const mismatch = page.getByTestId('household-mismatch');
    await mismatch.getByText(/عدد الساكنين في المنزل \(٤\)/).waitFor();
    await mismatch.getByText('أؤكد أن عدد الساكنين في المنزل ٤').waitFor();
    await page.getByLabel('رقم الهوية الوطنية أو الإقامة').scrollIntoViewIfNeeded();
    await shot(page, `handoffs-a-02-early-duplicate-${width}`);
    await check.getByRole('link', { name: /فتح الملف/ }).click();
    await page.waitForURL(new RegExp(`/beneficiaries/${enrolled.beneficiaryId}`));
    await context.close();

    // The Al-Khabra representative typing a head-office file's number learns only that it is registered.
    const other = await signedInPage(rep, viewport);
    await other.page.goto(`${server.url}/beneficiaries/new`);
    await other.page.getByLabel('رقم الهوية الوطنية أو الإقامة').fill(await nationalIdOf(hqFile.beneficiaryId));
    const hidden = other.page.getByTestId('national-id-check');
    await hidden.getByText(/مسجَّل من قبل لدى الجمعية في فرع آخر/).waitFor();
    expect(await hidden.textContent()).not.toContain(hqFile.name);
    await shot(other.page, `handoffs-a-03-early-duplicate-other-branch-${width}`);
    await other.context.close();
  });
});

describe('recorded corrections', () => {
  it('the representative corrects "delivered" with a reason; the history and the evidence report show it (390)', async () => {
    const { context, page } = await signedInPage(rep, PHONE);
    await page.goto(`${server.url}/applications/${enrolled.applicationId}`);
    await page.getByRole('button', { name: 'تصحيح نتيجة الزيارة' }).click();
    const dialog = page.getByRole('dialog', { name: 'تصحيح نتيجة الزيارة' });
    await dialog.getByText('تعذّر التسليم', { exact: true }).click();
    await dialog.getByLabel('سبب تعذّر التسليم').fill('البيت مغلق');
    // Without a reason nothing is saved.
    await dialog.getByRole('button', { name: 'حفظ التصحيح' }).click();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByLabel('سبب التصحيح').fill('ضغطت «تم التسليم» بالخطأ؛ البيت كان مغلقاً');
    await dialog.getByRole('button', { name: 'حفظ التصحيح' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const history = page.getByTestId('corrections');
    await history.getByText('ضغطت «تم التسليم» بالخطأ؛ البيت كان مغلقاً').waitFor();
    await history.getByText(/النتيجة: من «تم التسليم» إلى «تعذّر التسليم»/).waitFor();
    await shot(page, 'handoffs-a-04-delivery-corrected-390');
    await context.close();
    const visit = (await officer.call('GET', `/api/deliveries?beneficiaryId=${enrolled.beneficiaryId}`)).items.find(
      (d: { id: string }) => d.id === deliveryId,
    );
    expect(visit).toMatchObject({ status: 'failed', failureReason: 'البيت مغلق' });
    const today = riyadhDate(new Date());
    const report = await fetch(`${server.url}/api/reports/evidence?from=${today}&to=${today}`, {
      headers: {
        cookie: manager
          .browserCookie()
          .map((c) => `${c.name}=${c.value}`)
          .join('; '),
      },
    });
    expect(await report.text()).toContain('نتائج زيارات: ١');
  });

  it('the officer sees the history; correcting the registration to the same day is refused in words (1440)', async () => {
    const { context, page } = await signedInPage(officer, DESKTOP);
    await page.goto(`${server.url}/applications/${enrolled.applicationId}`);
    const history = page.getByTestId('corrections');
    await history.getByText('نتيجة زيارة').waitFor();
    await history.getByRole('button', { name: 'تصحيح تاريخ اكتمال التسجيل' }).click();
    const dialog = page.getByRole('dialog', { name: 'تصحيح تاريخ اكتمال التسجيل' });
    await dialog.getByLabel('سبب التصحيح').fill('مراجعة تاريخ الاكتمال');
    await dialog.getByRole('button', { name: 'حفظ التصحيح' }).click();
    await dialog.getByText('لم يتغير شيء عما سُجّل؛ لا يوجد ما يُصحَّح.').waitFor();
    await screenshot(page, 'handoffs-a-05-registration-correction-1440');
    await context.close();
  });

  it('the file shows the confirmed people-at-home figure (1440)', async () => {
    const { context, page } = await signedInPage(officer, DESKTOP);
    await page.goto(`${server.url}/beneficiaries/${enrolled.beneficiaryId}?tab=water`);
    await page
      .getByTestId('household-check')
      .getByText(/أُكِّد عدد الساكنين \(٥\)/)
      .waitFor();
    await shot(page, 'handoffs-a-06-household-confirmed-1440');
    await context.close();
  });
});
