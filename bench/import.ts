// `npm run bench:import -- [rows] [embedded|postgres]`: imports a generated registry sheet of `rows` heads (.xlsx)
// into a fresh database through the command-line path (upload, dry run, apply, sweep), then times the duplicate
// sweep over the whole registry once more on its own, and prints the times and the process's peak memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeNationalId } from '../src/common/saudi';
import { organizations } from '../src/server/db/tables/index';
import { sweepDuplicates } from '../src/server/modules/imports/duplicate-sweep';
import { parseCliArgs, runCliImport } from '../src/server/modules/imports/import-cli';
import { SAMPLE_HEADERS } from '../src/server/modules/imports/test-sheets';
import { createTestContext } from '../src/server/test/harness';

const rows = Number(process.argv[2] ?? 10_000);
if (process.argv[3] === 'postgres') process.env.WASL_TEST_DB = 'postgres';
const FIRST = ['محمد', 'أحمد', 'سعد', 'فهد', 'خالد', 'عبد الله', 'ناصر', 'أبو بكر', 'فاطمة', 'نورة'];
const FAMILY = ['القحطاني', 'الزهراني', 'الدوسري', 'الغامدي', 'العتيبي', 'الشهري', 'المطيري', 'الحربي'];

let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-bench-import-'));
const file = path.join(dir, 'registry.xlsx');
// Written with the streaming writer, so generating a large sheet does not raise the peak being measured.
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
const sheet = workbook.addWorksheet('المستفيدون');
sheet.addRow(SAMPLE_HEADERS).commit();
for (let i = 0; i < rows; i++) {
  const name = `${FIRST[i % FIRST.length]} ${FIRST[(i >> 3) % FIRST.length]} ${FIRST[(i >> 6) % FIRST.length]} ${FAMILY[i % FAMILY.length]}`;
  sheet
    .addRow([
      makeNationalId(`1${String(i).padStart(8, '0')}`),
      name,
      i % 2 ? 'أنثى' : 'ذكر',
      `${1380 + (i % 40)}/0${1 + (i % 9)}/1${i % 9}`,
      `05${String(10_000_000 + i).padStart(8, '0')}`,
      'الروضة',
      1 + (i % 7),
      null,
      null,
    ])
    .commit();
}
sheet.commit();
await workbook.commit();
const afterWriting = Math.round(process.memoryUsage().rss / 1024 / 1024);
const ctx = await createTestContext();
const started = Date.now();
const counts = await runCliImport(ctx.deps, parseCliArgs([file, '--json']), () => {});
const seconds = (Date.now() - started) / 1000;
const orgId = (await ctx.deps.db.select({ id: organizations.id }).from(organizations).limit(1))[0]!.id;
const sweepStarted = Date.now();
const sweep = await sweepDuplicates(ctx.deps.db, orgId, 'sweep');
const sweepSeconds = (Date.now() - sweepStarted) / 1000;
clearInterval(timer);
console.log(
  JSON.stringify({
    db: process.env.WASL_TEST_DB === 'postgres' ? 'postgres' : 'embedded',
    rows,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: Math.round(peak / 1024 / 1024),
    rssAfterWritingSheetMb: afterWriting,
    sweep: { files: counts.created, seconds: sweepSeconds, pairs: sweep.found },
    fileMb: Math.round(fs.statSync(file).size / 1024 / 102.4) / 10,
    counts,
  }),
);
await ctx.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
