/**
 * First-load bytes of the portal on a phone, as transferred: `npx tsx scripts/measure-portal.ts [base-url] [path...]`
 * against a running server (`npm start`). Prints each file and the totals per type (see e2e/first-load.ts).
 */
import { measureFirstLoad } from '../e2e/first-load';
import { launchBrowser } from '../e2e/support';

const [base = 'http://127.0.0.1:3000', ...paths] = process.argv.slice(2);
const browser = await launchBrowser();
try {
  for (const path of paths.length > 0 ? paths : ['/portal']) {
    const load = await measureFirstLoad(browser, `${base}${path}`);
    console.log(`\n${path}`);
    for (const file of load.files) {
      console.log(
        `  ${file.type.padEnd(10)} ${String(file.bytes).padStart(7)} ${file.encoding.padEnd(8)} ${file.url.replace(base, '')}`,
      );
    }
    for (const [type, bytes] of Object.entries(load.byType))
      console.log(`  ${type.padEnd(10)} ${(bytes / 1024).toFixed(1)} KB`);
    console.log(
      `  JS+CSS+fonts ${(load.budgeted / 1024).toFixed(1)} KB; everything ${(load.total / 1024).toFixed(1)} KB`,
    );
  }
} finally {
  await browser.close();
}
