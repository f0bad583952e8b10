// `npm test`: the whole suite — unit and integration tests on embedded PGlite and on the PostgreSQL server
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), then the browser journeys.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
process.env.TEST_DATABASE_URL = url;

async function checkServer() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    console.error(`The PostgreSQL server at ${url} does not answer (${error.message}).`);
    console.error('Start it (see README → Tests) or set TEST_DATABASE_URL; the suite runs on both databases.');
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

function run(label, args) {
  console.log(`\n== ${label}`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function count(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

await checkServer();
fs.mkdirSync('test-results', { recursive: true });
const integration = run('unit and integration tests (embedded + postgres)', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/integration.json',
]);
const built =
  run('build the web apps', ['vite', 'build', '--logLevel', 'warn']) &&
  run('build the server (what npm start runs)', ['node', 'scripts/build-server.mjs']);
const e2e =
  built &&
  run('browser journeys (Chromium)', [
    'vitest',
    'run',
    '--config',
    'vitest.e2e.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=test-results/e2e.json',
  ]);
const a = count('test-results/integration.json');
const b = e2e ? count('test-results/e2e.json') : { passed: 0, failed: 1 };
console.log(`\n${a.passed + b.passed} passed, ${a.failed + b.failed} failed`);
process.exit(integration && built && e2e ? 0 : 1);
