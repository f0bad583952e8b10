import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api';
import { demoCommittee, raisedApplication } from './flows';
import { launchBrowser, type RunningServer, SCREENSHOTS, startServer } from './support';

let server: RunningServer;
let browser: Browser;
let officer: ApiClient;
let chair: ApiClient;
let meetingId: string;
let rejectedId: string;
let acceptedId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  officer = await new ApiClient(server.url).login('officer');
  chair = await new ApiClient(server.url).login('committee');
  const rejected = await raisedApplication(officer, 'water_cooler');
  const accepted = await raisedApplication(officer, 'tank_delivery', ['فاطمة', 'عبدالرحمن', 'إبراهيم', 'القحطاني']);
  rejectedId = rejected.applicationId;
  acceptedId = accepted.applicationId;
  // The demo committee: three members, two of them present make the quorum.
  const { chairId, memberIds, quorum } = await demoCommittee(chair);
  const meeting = await chair.call('POST', '/api/committee/meetings', {
    scheduledAt: new Date().toISOString(),
    location: 'مقر الجمعية',
    chairUserId: chairId,
    memberIds,
  });
  meetingId = meeting.id;
  await chair.call('PUT', `/api/committee/meetings/${meetingId}/attendance`, { present: quorum });
  await chair.call('POST', `/api/committee/meetings/${meetingId}/items/${rejectedId}/decision`, {
    decision: 'rejected',
    reasonCodes: ['income_above_limit'],
  });
  await chair.call('POST', `/api/committee/meetings/${meetingId}/items/${acceptedId}/decision`, {
    decision: 'accepted',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Prints a page to PDF in Chromium, keeps a PNG of each PDF page, and returns the PDF's text layer. */
async function printToPdf(url: string, name: string): Promise<string> {
  const context = await browser.newContext();
  await context.addCookies(officer.browserCookie());
  const page = await context.newPage();
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const pdfPath = path.join(SCREENSHOTS, `${name}.pdf`);
  fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  await context.close();
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(SCREENSHOTS, name)]);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
}

/** Letters only: word gaps and bidi marks are layout, not content; what must survive is every letter in order. */
const letters = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('printed documents in Chromium', () => {
  it('the rejection letter prints to A4 with its Arabic intact in the PDF text layer', async () => {
    const text = letters(await printToPdf(`${server.url}/api/applications/${rejectedId}/letter`, 'letter-rejection'));
    for (const phrase of [
      'جمعية ماء لخدمات المياه برياض الخبراء',
      'المكرم/ عبدالله محمد سعد الشمري',
      'السلام عليكم ورحمة الله وبركاته',
      'لجنة دراسة طلبات الالتحاق',
      'عدم قبوله للأسباب الآتية',
      'دخل الأسرة يتجاوز الحد المعتمد في آلية الاختيار',
      'ويحق لكم التظلم من هذا القرار حتى تاريخ',
    ]) {
      expect(text, phrase).toContain(letters(phrase));
    }
    expect(text).toMatch(/١٤٤٨هـ/);
    expect(fs.existsSync(path.join(SCREENSHOTS, 'letter-rejection-1.png'))).toBe(true);
  });

  it('the acceptance letter and the meeting minutes print too', async () => {
    const letter = letters(
      await printToPdf(`${server.url}/api/applications/${acceptedId}/letter`, 'letter-acceptance'),
    );
    expect(letter).toContain(letters('المكرم/ فاطمة عبدالرحمن إبراهيم القحطاني'));
    expect(letter).toContain(letters('قبول طلبكم'));
    const minutes = letters(await printToPdf(`${server.url}/api/committee/meetings/${meetingId}/minutes`, 'minutes'));
    // Table cells wrap, so names are checked word by word; headings and sentences whole.
    const words = ['عبدالله', 'الشمري', 'فاطمة', 'القحطاني', 'رفض', 'قبول', 'الحضور', 'رئيس اللجنة'];
    for (const phrase of ['محضر اجتماع لجنة دراسة طلبات الالتحاق', 'الطلبات والقرارات', 'ودرست', ...words]) {
      expect(minutes, phrase).toContain(letters(phrase));
    }
  });
});
