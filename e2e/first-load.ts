import type { Browser } from 'playwright-core';
import { PHONE } from './support';

export type FirstLoad = {
  /** Bytes as transferred (compressed body and headers), per resource type and in all. */
  byType: Record<string, number>;
  /** JS + CSS + fonts: what the 180 KB budget of issue 16 counts. */
  budgeted: number;
  total: number;
  files: { url: string; type: string; bytes: number; encoding: string }[];
};

/**
 * Opens `url` in a fresh phone-sized page with an empty cache and adds up what the network sent for it (Chromium's
 * `encodedDataLength`: compressed body plus headers), until the page has painted, its data has come and the web
 * font's files (fetched once the page has painted, see src/web/portal/fonts.ts) have arrived.
 */
export async function measureFirstLoad(
  browser: Browser,
  url: string,
  options: {
    /** Wait until the portal has fetched its web font's files (`data-fonts-fetched`); the staff app has none. */
    portalFonts?: boolean;
    /** Cookies set before the visit (a signed-in staff session). */
    cookies?: { name: string; value: string; url: string }[];
    /** The page has loaded when this text is on screen (the staff app's first screen). */
    waitForText?: string;
  } = {},
): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
  if (options.cookies) await context.addCookies(options.cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map<string, { url: string; type: string; encoding: string }>();
  const files: FirstLoad['files'] = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    seen.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? 'Other',
      encoding: String(headers['content-encoding'] ?? 'identity'),
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = seen.get(event.requestId);
    if (response) files.push({ ...response, bytes: event.encodedDataLength });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (options.portalFonts ?? true) {
    await page.waitForFunction(() => document.documentElement.dataset.fontsFetched !== undefined, undefined, {
      timeout: 15_000,
    });
  }
  if (options.waitForText) await page.getByText(options.waitForText).first().waitFor({ timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  await context.close();
  const byType: Record<string, number> = {};
  for (const file of files) byType[file.type] = (byType[file.type] ?? 0) + file.bytes;
  const budgeted = (byType.Script ?? 0) + (byType.Stylesheet ?? 0) + (byType.Font ?? 0);
  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  return { byType, budgeted, total, files };
}
