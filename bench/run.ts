// `npm run bench`: loads generated data into a fresh database of each kind, starts the real server on it,
// and measures each scenario with autocannon against a floor route (one indexed SELECT) in the same run.
// Sizes: BENCH_SIZES (default 10000,100000); databases: BENCH_DBS (default embedded,postgres);
// seconds per scenario: BENCH_SECONDS (default 10); connections: BENCH_CONNECTIONS (default 10).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type Database, migrateDatabase, openEmbedded, openServer } from '../src/server/db/client';
import { listServices } from '../src/server/modules/services/queries';
import { seedDemoUsers } from '../src/server/seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../src/server/seed/organization';
import { seedServices } from '../src/server/seed/services';
import { type BenchData, loadBenchData } from './data';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const DBS = (process.env.BENCH_DBS ?? 'embedded,postgres').split(',');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Row = {
  db: string;
  size: number;
  scenario: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
};
const results: Row[] = [];
const facts: string[] = [];

async function prepare(
  kind: string,
  size: number,
): Promise<{ env: Record<string, string>; data: BenchData; cleanup: () => Promise<void> }> {
  let database: Database;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (kind === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-bench-'));
    database = await openEmbedded(path.join(dir, 'pglite'));
    env = { DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `wasl_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    database = await openServer(url.toString());
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await migrateDatabase(database);
  const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
  await seedDemoUsers(database.db, orgId, branchIds);
  await seedServices(database.db, orgId);
  const serviceIds = (await listServices(database.db, orgId)).map((s) => s.id);
  const started = performance.now();
  const data = await loadBenchData(database.db, orgId, Object.values(branchIds), serviceIds, size);
  await database.exec('VACUUM ANALYZE');
  facts.push(
    `${kind} ${size.toLocaleString('en')}: data loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await database.close();
  return { env, data, cleanup };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startServer(env: Record<string, string>) {
  const port = 45000 + Math.floor(Math.random() * 5000);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WASL_BENCH: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, startMs: performance.now() - started };
}

async function run(db: string, size: number, scenario: string, opts: autocannon.Options) {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  const latency = result.latency as unknown as Record<string, number>;
  results.push({
    db,
    size,
    scenario,
    rps: Math.round(result.requests.average),
    p50: latency.p50!,
    p95: latency.p97_5!,
    p99: latency.p99!,
    errors: result.errors + result.non2xx,
  });
}

for (const db of DBS) {
  for (const size of SIZES) {
    console.error(`== ${db}, ${size} beneficiaries`);
    const { env, data, cleanup } = await prepare(db, size);
    const { child, url, startMs } = await startServer(env);
    await new Promise((r) => setTimeout(r, 2000));
    const idle = rssMb(child.pid!);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: 'wasl-demo-2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie };
    let i = 0;
    const nextId = <T>(list: T[]) => {
      i = (i * 7919 + 13) % list.length;
      return list[i]!;
    };
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(child.pid!));
    }, 250);
    const floorReq = () => [{ method: 'GET' as const, path: `/api/bench/floor?nid=${nextId(data.nationalIds)}` }];
    await run(db, size, 'floor: one indexed SELECT', { url, requests: floorReq() });
    const dynamic = (make: () => string): autocannon.Options => ({
      url,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: make() }) }],
    });
    await run(
      db,
      size,
      'search by national ID',
      dynamic(() => `/api/beneficiaries?q=${nextId(data.nationalIds)}`),
    );
    await run(
      db,
      size,
      'search by mobile',
      dynamic(() => `/api/beneficiaries?q=${encodeURIComponent(`0${nextId(data.mobiles).slice(4)}`)}`),
    );
    await run(
      db,
      size,
      'search by name prefix (احمد)',
      dynamic(() => `/api/beneficiaries?q=${encodeURIComponent('احمد')}`),
    );
    await run(
      db,
      size,
      'search by name part (زهران)',
      dynamic(() => `/api/beneficiaries?q=${encodeURIComponent('زهران')}`),
    );
    await run(
      db,
      size,
      'beneficiary file page',
      dynamic(() => `/api/beneficiaries/${nextId(data.beneficiaryIds)}`),
    );
    await run(
      db,
      size,
      'application queue (to verify)',
      dynamic(() => '/api/applications?queue=to_verify'),
    );
    clearInterval(sampler);
    facts.push(
      `${db} ${size.toLocaleString('en')}: start-up to healthy ${(startMs / 1000).toFixed(1)} s; RSS idle ${idle.toFixed(0)} MB, peak under load ${peak.toFixed(0)} MB`,
    );
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

const floor = new Map(results.filter((r) => r.scenario.startsWith('floor')).map((r) => [`${r.db}/${r.size}`, r]));
const lines = [
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString()}`,
  `${CONNECTIONS} connections, ${SECONDS} s per scenario. Latencies in ms (p95 column is autocannon's p97.5).`,
  '',
  '| database | beneficiaries | scenario | req/s | p50 | p95 | p99 | errors | req/s ÷ floor | p99 ÷ floor p99 |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => {
    const f = floor.get(`${r.db}/${r.size}`)!;
    return `| ${r.db} | ${r.size.toLocaleString('en')} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${(r.rps / f.rps).toFixed(2)} | ${(r.p99 / Math.max(1, f.p99)).toFixed(1)} |`;
  }),
  '',
  ...facts.map((f) => `- ${f}`),
];
const out = lines.join('\n');
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/${new Date().toISOString().slice(0, 16).replace(':', '')}.md`, `${out}\n`);
console.log(out);
