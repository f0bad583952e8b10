import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '../src/common/saudi';
import { ApiClient } from './api';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  SCREENSHOTS,
  screenshot,
  seriousViolations,
  startServer,
} from './support';

let server: RunningServer;
let browser: Browser;
let officer: ApiClient;
let admin: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  server = await startServer({ BACKUP_INTERVAL_HOURS: '0' });
  browser = await launchBrowser();
  officer = await new ApiClient(server.url).login('officer');
  admin = await new ApiClient(server.url).login('admin');
  manager = await new ApiClient(server.url).login('manager');
  // A breach discovered 20 hours ago: the register counts down the 52 hours left.
  await manager.call('POST', '/api/breaches', {
    discoveredAt: new Date(Date.now() - 20 * 3_600_000).toISOString(),
    description: 'أُرسل كشف مستفيدين بالبريد إلى عنوان خاطئ',
    dataKinds: 'الأسماء وأرقام الجوال',
    affectedCount: 12,
    actions: 'طُلب من المستلم حذف الرسالة',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

let serial = 0;
async function registerBeneficiary(): Promise<string> {
  serial += 1;
  const stamp = String(Date.now() % 10_000_000).padStart(7, '0');
  const branches = await officer.call('GET', '/api/branches');
  const b = await officer.call('POST', '/api/beneficiaries', {
    nationalId: makeNationalId(`1${stamp}${serial % 10}`),
    firstName: 'محمد',
    fatherName: 'عبدالله',
    grandfatherName: 'سعد',
    familyName: 'الدوسري',
    gender: 'male',
    birthDate: { calendar: 'gregorian', date: '1975-04-12' },
    mobile: `055${stamp}`,
    district: 'حي الروضة',
    branchId: branches.items[0].id,
    monthlyIncome: 2500,
    housing: 'rented',
    familyStatus: 'married',
    water: { source: 'tank', storageLitres: 1000, peopleAtHome: 5 },
    consent: { accepted: true, channel: 'meeting' },
    // No household listed: the stated people at home is confirmed (issue 12).
    householdConfirmed: true,
    confirmNotDuplicate: true,
  });
  return b.id as string;
}

async function contextFor(client: ApiClient, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'ar-SA' });
  await context.addCookies(client.browserCookie());
  return context;
}

const letters = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

for (const [label, viewport] of [
  ['1440', DESKTOP],
  ['390', PHONE],
] as const) {
  describe(`data protection, audit and backups at ${label}`, () => {
    it('a data copy printed in Arabic → a correction with history → the audit screen → a verified backup', async () => {
      const id = await registerBeneficiary();

      // 1. The officer opens the file's data-protection tab and prints the person's copy.
      const officerCtx = await contextFor(officer, viewport);
      const page = await officerCtx.newPage();
      await page.goto(`${server.url}/beneficiaries/${id}?tab=privacy`);
      await page.getByRole('heading', { name: 'نسخة المستفيد من بياناته' }).waitFor();
      await screenshot(page, `privacy-file-tab-${label}`);
      const [copy] = await Promise.all([
        officerCtx.waitForEvent('page'),
        page.getByRole('link', { name: 'النسخة المقروءة للطباعة' }).click(),
      ]);
      await copy.waitForLoadState();
      await copy.evaluate(() => document.fonts.ready);
      await screenshot(copy, `privacy-copy-${label}`);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const pdf = path.join(SCREENSHOTS, `privacy-copy-${label}.pdf`);
      await copy.emulateMedia({ media: 'print' });
      fs.writeFileSync(pdf, await copy.pdf({ format: 'A4', printBackground: true }));
      const text = letters(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8'));
      for (const phrase of [
        'نسخة المستفيد من بياناته الشخصية لدى الجمعية',
        'رقم الهوية الوطنية أو الإقامة',
        'اسم العائلة',
        'الدوسري',
        'صهاريج',
        'الموافقات',
      ]) {
        expect(text, phrase).toContain(letters(phrase));
      }
      expect(text).toMatch(/هـ/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(text).not.toContain('firstName');
      expect(text).not.toContain(letters('للطباعة: اضغط')); // the on-screen hint is not printed
      await copy.close();

      // 2. A correction with its reason; the history shows the old and new value side by side.
      await page.getByLabel('القيمة الصحيحة').fill('محمود');
      await page.getByLabel('السبب').first().fill('طلب المستفيد التصحيح وأحضر الهوية');
      await page.getByRole('button', { name: 'حفظ التصحيح' }).click();
      await page.getByText('حُفظ التصحيح وأُضيف إلى سجل التصحيحات.').waitFor();
      const history = page.locator('table').filter({ hasText: 'طلب المستفيد التصحيح' });
      await history.waitFor();
      await expect.poll(() => history.locator('del').first().textContent()).toBe('محمد');
      expect(await history.textContent()).toContain('محمود');
      await screenshot(page, `privacy-correction-${label}`);
      expect(await seriousViolations(page)).toEqual([]);
      await officerCtx.close();

      // 3. The audit screen shows the correction with before and after side by side.
      const adminCtx = await contextFor(admin, viewport);
      const audit = await adminCtx.newPage();
      await audit.goto(`${server.url}/admin/audit?action=privacy.&entityId=${id}`);
      const entry = audit.getByRole('listitem').filter({ hasText: 'تصحيح بيانات مستفيد' }).first();
      await entry.waitFor();
      expect(await entry.textContent()).toContain('السبب: طلب المستفيد التصحيح وأحضر الهوية');
      const row = entry.getByRole('row').filter({ hasText: 'الاسم الأول' });
      expect(await row.locator('del').textContent()).toBe('محمد');
      expect(await row.locator('td').last().textContent()).toBe('محمود');
      await screenshot(audit, `audit-screen-${label}`);
      expect(await seriousViolations(audit)).toEqual([]);

      // 4. A backup taken while the server runs, then verified.
      const system = await adminCtx.newPage();
      await system.goto(`${server.url}/admin/system`);
      await system.getByRole('heading', { name: 'المهام المجدولة' }).waitFor();
      const before = await system.getByTestId('backup').count();
      await system.getByRole('button', { name: 'أخذ نسخة الآن' }).click();
      await system.getByText('أُخذت النسخة الاحتياطية.').waitFor({ timeout: 60_000 });
      await expect.poll(() => system.getByTestId('backup').count()).toBe(before + 1);
      const newest = system.getByTestId('backup').first();
      expect(await newest.textContent()).toMatch(/مستند/);
      await newest.getByRole('button', { name: 'فحص' }).click();
      await newest.getByText(/سليمة/).waitFor({ timeout: 60_000 });
      await system.getByText('النسخة سليمة: فُتحت قاعدة البيانات وطابقت كل جدول وكل مستند.').waitFor();
      await screenshot(system, `system-backups-${label}`);
      expect(await seriousViolations(system)).toEqual([]);
      await adminCtx.close();

      // 5. The manager's data-protection page: the breach register counts down the 72 hours.
      const managerCtx = await contextFor(manager, viewport);
      const privacy = await managerCtx.newPage();
      await privacy.goto(`${server.url}/admin/privacy`);
      const timer = privacy.getByRole('timer').first();
      await timer.waitFor();
      expect(await timer.textContent()).toMatch(/متبقٍ (٥١|٥٢) ساعة/);
      await screenshot(privacy, `privacy-admin-${label}`);
      expect(await seriousViolations(privacy)).toEqual([]);
      await managerCtx.close();
    });
  });
}
