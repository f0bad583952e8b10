import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTableOf } from './http/guard';
import { createTestContext, signedInAs, TestClient, type TestContext } from './test/harness';

let ctx: TestContext;
let clients: TestClient[];
beforeAll(async () => {
  ctx = await createTestContext({ trustProxy: true });
  clients = [...(await signedInAs(ctx.app, ['admin', 'officer', 'manager'] as const)), new TestClient(ctx.app)];
});
afterAll(async () => {
  await ctx.close();
});

/** Row counts of every table whose rows a refused request must not add to (the audit trail may record refusals). */
async function fingerprint(): Promise<string> {
  const tables = await ctx.deps.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_log','login_failures','__drizzle_migrations') order by 1`,
  );
  const names = (tables as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
  const counts = await ctx.deps.db.execute(
    sql.raw(`select ${names.map((n) => `(select count(*) from "${n}") as "${n}"`).join(', ')}`),
  );
  return JSON.stringify((counts as unknown as { rows: unknown[] }).rows[0]);
}

const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('../../etc/passwd', "1' or '1'='1", '%00', 'APP-2026-00001'),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'username',
      'password',
      'nationalId',
      'mobile',
      'to',
      'note',
      'role',
      'branchId',
      'status',
      '__proto__',
      'constructor',
      'kind',
      'channel',
      'serviceIds',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);
const query = fc.dictionary(
  fc.constantFrom('q', 'page', 'pageSize', 'from', 'to', 'status', 'limit', 'kind', 'sla', 'format'),
  fc.string({ maxLength: 30 }),
  { maxKeys: 3 },
);

describe('fuzzing every JSON route', () => {
  it('no answer is a 5xx, and a refused request writes nothing', async () => {
    const routes = routeTableOf(ctx.app).filter(
      (r) => !r.url.includes('/documents') && !r.url.includes('/attachments') && r.url !== '/api/auth/logout',
    );
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.nat(clients.length - 1),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        body,
        query,
        async (route, who, segs, payload, params) => {
          let i = 0;
          const path = route.url.replace(/:(\w+)/g, () => encodeURIComponent(segs[i++] ?? randomUUID()));
          const url = `${path}?${new URLSearchParams(params).toString()}`;
          const before = route.method === 'GET' ? '' : await fingerprint();
          const res = await clients[who]!.request(
            route.method,
            url,
            route.method === 'GET' ? undefined : JSON.stringify(payload ?? null),
            {
              'content-type': 'application/json',
            },
          );
          if (res.status >= 500)
            problems.push(`${route.method} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          if (res.status >= 400 && route.method !== 'GET' && (await fingerprint()) !== before)
            problems.push(`${route.method} ${url} → ${res.status} but wrote rows`);
          if (res.status >= 400) expect(res.body).toHaveProperty('code');
          return problems.length === 0;
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
