// `npm run bench:move`: times embedded → server (issue 20) on generated data folders. BENCH_FILES (default
// 10000; e.g. 10000,100000) beneficiary files with their activity (bench/data.ts: 10 interactions, 2 cases,
// 3 deliveries and a survey per file) are written to an embedded data folder on disk, then copied into a fresh
// database on TEST_DATABASE_URL's server and verified table by table. Prints one Markdown row per size.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openEmbedded, openServer } from '../src/server/db/client';
import { moveToServer } from '../src/server/db/move-to-server';
import { generateFiles } from './move-data';

const SIZES = (process.env.BENCH_FILES ?? '10000').split(',').map(Number);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

const lines: string[] = [];
for (const size of SIZES) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-move-bench-'));
  const name = `wasl_move_bench_${randomBytes(4).toString('hex')}`;
  try {
    let source = await openEmbedded(folder);
    await migrateDatabase(source);
    const genStart = performance.now();
    await generateFiles(source, size, (line) => console.error(`   ${line}`));
    await source.exec('VACUUM ANALYZE');
    await source.close();
    console.error(`${size} files generated in ${((performance.now() - genStart) / 1000).toFixed(0)} s`);
    // Reopened from disk, as the command does after the server has been stopped.
    source = await openEmbedded(folder);
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const started = performance.now();
    const report = await moveToServer(source, url.toString(), async () => {
      const t = await openServer(url.toString(), 2);
      await migrateDatabase(t);
      await t.close();
    });
    const totalS = (performance.now() - started) / 1000;
    await source.close();
    const mb = Math.round(
      fs.readdirSync(folder, { recursive: true, withFileTypes: true }).reduce((sum, e) => {
        return e.isFile() ? sum + fs.statSync(path.join(e.parentPath, e.name)).size : sum;
      }, 0) / 1_048_576,
    );
    lines.push(
      `| ${size.toLocaleString('en')} | ${report.rows.toLocaleString('en')} | ${mb} MB | ${(report.copyMs / 1000).toFixed(1)} s | ${(report.verifyMs / 1000).toFixed(1)} s | ${totalS.toFixed(1)} s |`,
    );
    console.error(lines.at(-1));
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
console.log('| files | rows copied | data folder | copy | verification | total (with migrations) |');
console.log('|---|---|---|---|---|---|');
for (const l of lines) console.log(l);
