/**
 * The field app's first load and its load from the service worker's cache on a slow 3G profile (issue 18).
 * Run: npm run build && node scripts/build-server.mjs && npx tsx bench/field-load.ts
 * Chromium's network emulation (CDP Network.emulateNetworkConditions): 400 ms round trip, 400 kbit/s down,
 * 400 kbit/s up — DevTools' "Slow 3G". Measured: bytes sent for the page (compressed, with headers), the
 * time until the day's route is on screen (first visit, signed in), and the same after a reload served by the
 * service worker (the API still answers over the slow network).
 */

import { ApiClient } from '../e2e/api';
import { launchBrowser, PHONE, startServer } from '../e2e/support';

const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

const server = await startServer();
const browser = await launchBrowser();
try {
  const rep = await new ApiClient(server.url).login('branchrep');
  const context = await browser.newContext({ viewport: PHONE, locale: 'ar-SA' });
  await context.addCookies(rep.browserCookie());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const files: { url: string; bytes: number; type: string }[] = [];
  const types = new Map<string, { url: string; type: string }>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type ?? 'Other' }));
  cdp.on('Network.loadingFinished', (e) => {
    const seen = types.get(e.requestId);
    if (seen) files.push({ ...seen, bytes: e.encodedDataLength });
  });
  const ready = () => page.getByRole('heading', { level: 2 }).or(page.getByText('لا زيارات مجدولة')).first().waitFor();
  let start = Date.now();
  await page.goto(`${server.url}/field/`);
  await ready();
  const firstMs = Date.now() - start;
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const firstFiles = [...files];
  const sum = (type: string) => firstFiles.filter((f) => f.type === type).reduce((a, f) => a + f.bytes, 0);
  start = Date.now();
  await page.reload();
  await ready();
  const cachedMs = Date.now() - start;
  console.log(
    JSON.stringify(
      {
        profile: SLOW_3G,
        firstVisit: {
          routeOnScreenMs: firstMs,
          scriptBytes: sum('Script'),
          cssBytes: sum('Stylesheet'),
          documentBytes: sum('Document'),
        },
        reloadFromServiceWorker: { routeOnScreenMs: cachedMs },
        scripts: firstFiles
          .filter((f) => f.type === 'Script')
          .map((f) => `${f.url.replace(server.url, '')} ${f.bytes}`),
      },
      null,
      2,
    ),
  );
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
