// `npm run bench`: loads generated data into a fresh database of each kind, starts the real server on it,
// and measures each scenario with autocannon against a floor route (one indexed SELECT) in the same run, and against
// a bare floor: a process with Fastify and the same driver but no Wasl code (bench/bare-floor.mjs), measured on the
// same data just before the server starts and again after it stops (PGlite's folder cannot be opened twice at once).
// Sizes: BENCH_SIZES (default 10000,100000); databases: BENCH_DBS (default embedded,postgres), or BENCH_PLAN;
// seconds per scenario: BENCH_SECONDS (default 10); connections: BENCH_CONNECTIONS (default 10).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, migrateDatabase, openEmbedded, openServer } from '../src/server/db/client';
import { listServices } from '../src/server/modules/services/queries';
import { seedDemoUsers } from '../src/server/seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../src/server/seed/organization';
import { seedServices } from '../src/server/seed/services';
import { type BenchData, loadActivity, loadBenchData } from './data';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const DBS = (process.env.BENCH_DBS ?? 'embedded,postgres').split(',');
// BENCH_PLAN=embedded:10000,postgres:1000000 names exact (database, size) pairs instead of every combination.
const PLAN: [string, number][] = process.env.BENCH_PLAN
  ? process.env.BENCH_PLAN.split(',').map((pair) => {
      const [db, size] = pair.split(':');
      return [db!, Number(size)];
    })
  : DBS.flatMap((db) => SIZES.map((size): [string, number] => [db, size]));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
// BENCH_SCENARIOS=floor,national picks scenarios by a part of their name (the floors run unless BENCH_NO_FLOORS=1,
// so that a profile of one scenario holds nothing else).
const ONLY = process.env.BENCH_SCENARIOS?.split(',');
const NO_FLOORS = process.env.BENCH_NO_FLOORS === '1';
// BENCH_NODE_ARGS=--cpu-prof,--cpu-prof-dir=bench/results/prof passes flags to the server's node (profiles).
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(',') ?? [];
// BENCH_SERVERS=after=dist/server/main.mjs,before=/tmp/base/dist/server/main.mjs runs every scenario on each
// build in turn on the same data, in the same run: a change's before and after under the same machine load.
const SERVERS = (process.env.BENCH_SERVERS ?? 'dist/server/main.mjs').split(',').map((pair) => {
  const [label, file] = pair.includes('=') ? pair.split('=') : ['', pair];
  return { label: label!, file: file! };
});
const BARE_NODE_ARGS = process.env.BENCH_BARE_NODE_ARGS?.split(',') ?? [];
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
): Promise<{ env: Record<string, string>; data: BenchData & { submitted: string[] }; cleanup: () => Promise<void> }> {
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
  const registryMs = performance.now() - started;
  const idOf = async (username: string) => {
    const r = await database.db.execute(sql`SELECT id FROM users WHERE username = ${username}`);
    return String((r as unknown as { rows: { id: string }[] }).rows[0]!.id);
  };
  const activityStarted = performance.now();
  const counts = await loadActivity(
    database,
    orgId,
    { officer: await idOf('officer'), execution: await idOf('execution') },
    serviceIds,
    (line) => console.error(`   ${line}`),
  );
  const activityMs = performance.now() - activityStarted;
  await database.exec('VACUUM ANALYZE');
  const submitted = await database.db.execute(
    sql`SELECT id FROM applications WHERE stage = 'submitted' ORDER BY reference LIMIT 20000`,
  );
  const n = (v: number) => v.toLocaleString('en');
  facts.push(
    `${kind} ${n(size)}: beneficiaries, households and ${n(Math.ceil(size * 1.5))} applications loaded in ${(registryMs / 1000).toFixed(1)} s; ` +
      `${n(counts.interactions)} interactions, ${n(counts.cases)} cases, ${n(counts.deliveries)} deliveries and ${n(counts.surveyAnswers)} survey answers generated in ${(activityMs / 1000).toFixed(1)} s; ` +
      `total with VACUUM ANALYZE ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await database.close();
  const submittedIds = (submitted as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  return { env, data: { ...data, submitted: submittedIds }, cleanup };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startServer(env: Record<string, string>, file: string) {
  const port = 45000 + Math.floor(Math.random() * 5000);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...NODE_ARGS, file], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WASL_BENCH: '1',
      // BENCH_LOG_LEVEL=info measures the server as it logs by default.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
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

async function runScenario(db: string, size: number, scenario: string, opts: autocannon.Options) {
  const isFloor = scenario.includes('floor');
  if (isFloor ? NO_FLOORS && !ONLY?.includes(scenario) : ONLY && !ONLY.some((part) => scenario.includes(part))) return;
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

/** The bare floor on the same data: started, measured, stopped (its figures go in the table as 'bare floor'). */
async function measureBare(db: string, size: number, env: Record<string, string>, label: string) {
  const port = 40000 + Math.floor(Math.random() * 5000);
  const child = spawn(process.execPath, [...BARE_NODE_ARGS, 'bench/bare-floor.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : { PGLITE_DIR: path.join(env.DATA_DIR!, 'pglite') }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('bare floor exited');
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return async (nationalIds: string[]) => {
    let k = 0;
    await runScenario(db, size, label, {
      url,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => {
            k = (k * 7919 + 13) % nationalIds.length;
            return { ...req, path: `/floor?nid=${nationalIds[k]}` };
          },
        },
      ],
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
}

// The server runs as `npm start` runs it: compiled once, no TypeScript compiler in the process.
execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });

for (const [db, size] of PLAN) {
  {
    console.error(`== ${db}, ${size} beneficiaries`);
    const { env, data, cleanup } = await prepare(db, size);
    await (await measureBare(db, size, env, 'bare floor (before the server)'))(data.nationalIds);
    // Each request moves a different submitted application to verifying, across every build measured.
    let nextSubmitted = 0;
    for (const server of SERVERS) {
      const suffix = server.label ? ` [${server.label}]` : '';
      const run = (d: string, n: number, scenario: string, opts: autocannon.Options) =>
        runScenario(d, n, scenario.startsWith('bare') ? scenario : `${scenario}${suffix}`, opts);
      const { child, url, startMs } = await startServer(env, server.file);
      await new Promise((r) => setTimeout(r, 2000));
      const idle = rssMb(child.pid!);
      const signIn = async (username: string) => {
        const login = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'wasl-demo-2026' }),
        });
        const body = (await login.json()) as { csrfToken: string };
        return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
      };
      const officer = await signIn('officer');
      const manager = await signIn('manager');
      const headers = { cookie: officer.cookie };
      let i = 0;
      const nextId = <T>(list: T[]) => {
        i = (i * 7919 + 13) % list.length;
        return list[i]!;
      };
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(child.pid!));
      }, 250);
      // A different ID on each request, as the bare floor does.
      await run(db, size, 'floor: one indexed SELECT', {
        url,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: `/api/bench/floor?nid=${nextId(data.nationalIds)}` }),
          },
        ],
      });
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
      await run(
        db,
        size,
        'case inbox (open complaints, first page)',
        dynamic(() => '/api/cases?kind=complaint&status=in_progress'),
      );
      // My work at size: every list reads at most 100 rows (counts capped at 99+), whatever the queue's length.
      await run(
        db,
        size,
        "My work (officer's home)",
        dynamic(() => '/api/work?limit=5'),
      );
      await run(db, size, 'KPI dashboard (one month)', {
        url,
        headers: { cookie: manager.cookie },
        requests: [{ method: 'GET', path: '/api/reports/kpis?from=2026-10-01&to=2026-10-31' }],
      });
      const writeHeaders = { ...headers, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' };
      await run(db, size, 'create interaction (write)', {
        url,
        headers: writeHeaders,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: '/api/interactions',
              body: JSON.stringify({
                channel: 'phone',
                direction: 'inbound',
                summary: 'اتصال للاستفسار عن موعد التوريد القادم',
                beneficiaryId: nextId(data.beneficiaryIds),
              }),
            }),
          },
        ],
      });
      // Each request moves a different submitted application to verifying, so the run stops when they run out.
      await run(db, size, 'stage transition (write)', {
        url,
        headers: writeHeaders,
        amount: Math.min(data.submitted.length, SECONDS * 400),
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: `/api/applications/${data.submitted[nextSubmitted++ % data.submitted.length]}/transitions`,
              body: JSON.stringify({ to: 'verifying' }),
            }),
          },
        ],
      });
      clearInterval(sampler);
      facts.push(
        `${db} ${size.toLocaleString('en')}${suffix}: start-up to healthy ${(startMs / 1000).toFixed(1)} s; RSS idle ${idle.toFixed(0)} MB, peak under load ${peak.toFixed(0)} MB`,
      );
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await (await measureBare(db, size, env, 'bare floor (after the server)'))(data.nationalIds);
    await cleanup();
  }
}

// The inner floor of each build: a scenario's ratio is to the floor of the build it ran on.
const buildOf = (scenario: string) => /( \[[^\]]+\])$/.exec(scenario)?.[1] ?? '';
const floor = new Map(
  results.filter((r) => r.scenario.startsWith('floor')).map((r) => [`${r.db}/${r.size}${buildOf(r.scenario)}`, r]),
);
// The bare floor of a pair is the mean of its two measurements (before and after the server), which also shows
// how much the machine's other load moved during the run.
const bare = new Map<string, { rps: number; p99: number }>();
for (const r of results.filter((x) => x.scenario.startsWith('bare floor'))) {
  const key = `${r.db}/${r.size}`;
  const seen = bare.get(key);
  bare.set(key, seen ? { rps: (seen.rps + r.rps) / 2, p99: (seen.p99 + r.p99) / 2 } : { rps: r.rps, p99: r.p99 });
}
const lines = [
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString()}`,
  `Load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(
      ', ',
    )}. ${CONNECTIONS} connections, ${SECONDS} s per scenario. Latencies in ms (p95 column is autocannon's p97.5).`,
  '',
  '| database | beneficiaries | scenario | req/s | p50 | p95 | p99 | errors | req/s ÷ bare floor | req/s ÷ floor | p99 ÷ bare p99 | p99 ÷ floor p99 |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => {
    const f = floor.get(`${r.db}/${r.size}${buildOf(r.scenario)}`);
    const b = bare.get(`${r.db}/${r.size}`);
    const ratio = (x: number, y: number | undefined, digits: number) =>
      y ? (x / Math.max(1, y)).toFixed(digits) : '–';
    return `| ${r.db} | ${r.size.toLocaleString('en')} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${ratio(r.rps, b?.rps, 2)} | ${ratio(r.rps, f?.rps, 2)} | ${ratio(r.p99, b?.p99, 1)} | ${ratio(r.p99, f?.p99, 1)} |`;
  }),
  '',
  ...facts.map((f) => `- ${f}`),
];
const out = lines.join('\n');
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/${new Date().toISOString().slice(0, 16).replace(':', '')}.md`, `${out}\n`);
console.log(out);
