// `npm run bench:import -- [rows] [embedded|postgres]`: imports a generated registry sheet of `rows` heads (.xlsx)
// into a fresh database through the command-line path (upload, dry run, apply, sweep), then times the duplicate
// sweep over the whole registry once more on its own, and prints the times and the process's peak memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeNationalId } from '../src/common/saudi';
import { organizations, registryImports } from '../src/server/db/tables/index';
import { sweepDuplicates } from '../src/server/modules/imports/duplicate-sweep';
import { parseCliArgs, runCliImport } from '../src/server/modules/imports/import-cli';
import { SAMPLE_HEADERS } from '../src/server/modules/imports/test-sheets';
import { createTestContext } from '../src/server/test/harness';

const rows = Number(process.argv[2] ?? 10_000);
if (process.argv[3] === 'postgres') process.env.WASL_TEST_DB = 'postgres';
const FIRST = ['محمد', 'أحمد', 'سعد', 'فهد', 'خالد', 'عبد الله', 'ناصر', 'أبو بكر', 'عمر', 'علي', 'إبراهيم', 'يوسف'];
const MORE = ['سلمان', 'تركي', 'ماجد', 'بندر', 'سلطان', 'فيصل', 'حمد', 'صالح', 'عبد الرحمن', 'منصور', 'راشد', 'زياد'];
const FAMILY = ['القحطاني', 'الزهراني', 'الدوسري', 'الغامدي', 'العتيبي', 'الشهري', 'المطيري', 'الحربي', 'الشمري'];
const FAMILY2 = ['السبيعي', 'العنزي', 'البقمي', 'الرشيدي', 'الجهني', 'السهلي', 'المالكي', 'العمري', 'الأحمدي'];
const GIVEN = [...FIRST, ...MORE];
const FAMILIES = [...FAMILY, ...FAMILY2];
/** A repeatable spread of i (Knuth's multiplicative hash), so names and dates vary without a random seed. */
const spread = (i: number, salt: number) => (Math.imul(i + salt * 7919, 2654435761) >>> 0) % 1_000_003;
// Every 50th row is the previous person again under another ID, mobile and word order, as a registry entered
// twice looks; the other names vary enough (24³ × 18) that chance matches are few, unlike the 10k runs before, whose 80 names made about eight pairs per file.
function personOf(i: number) {
  const base = i % 50 === 49 ? i - 1 : i;
  const given = [1, 2, 3].map((salt) => GIVEN[spread(base, salt) % GIVEN.length]!);
  const family = FAMILIES[spread(base, 4) % FAMILIES.length]!;
  const name = base === i ? `${given.join(' ')} ${family}` : `${family} ${given[0]} ${given[1]} ${given[2]}`;
  return {
    name,
    female: base % 2 === 1,
    year: 1360 + (spread(base, 5) % 60),
    month: 1 + (spread(base, 6) % 12),
    day: 1 + (spread(base, 7) % 28),
  };
}

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
  const person = personOf(i);
  sheet
    .addRow([
      makeNationalId(`1${String(i).padStart(8, '0')}`),
      person.name,
      person.female ? 'أنثى' : 'ذكر',
      `${person.year}/${String(person.month).padStart(2, '0')}/${String(person.day).padStart(2, '0')}`,
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
// A progress line on stderr every 30 s (phase, rows applied, memory), so that a run stopped before its end still
// tells its rate so far.
const progress = setInterval(async () => {
  const [imp] = await ctx.deps.db
    .select({ status: registryImports.status, next: registryImports.nextRow, total: registryImports.totalRows })
    .from(registryImports)
    .limit(1);
  const s = Math.round((Date.now() - started) / 1000);
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const peakMb = Math.round(peak / 1024 / 1024);
  console.error(
    `${new Date().toISOString()} +${s}s ${imp?.status ?? 'uploading'} ${imp?.next ?? 0}/${imp?.total ?? 0} rss=${rss}MB peak=${peakMb}MB`,
  );
}, 30_000);
const counts = await runCliImport(ctx.deps, parseCliArgs([file, '--json']), () => {});
const seconds = (Date.now() - started) / 1000;
clearInterval(progress);
console.error(`import done in ${seconds}s, peak ${Math.round(peak / 1024 / 1024)}MB; sweeping`);
const orgId = (await ctx.deps.db.select({ id: organizations.id }).from(organizations).limit(1))[0]!.id;
// The sweep's own peak: the sampler starts again from the memory held now.
const importPeak = peak;
const rssBeforeSweep = process.memoryUsage().rss;
peak = rssBeforeSweep;
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
    peakRssMb: Math.round(importPeak / 1024 / 1024),
    rssAfterWritingSheetMb: afterWriting,
    sweep: {
      files: counts.created,
      seconds: sweepSeconds,
      pairs: sweep.found,
      rssBeforeMb: Math.round(rssBeforeSweep / 1024 / 1024),
      peakRssMb: Math.round(peak / 1024 / 1024),
    },
    fileMb: Math.round(fs.statSync(file).size / 1024 / 102.4) / 10,
    counts,
  }),
);
await ctx.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
