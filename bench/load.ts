// `npm run bench:load -- <beneficiaries>`: loads the benchmark's generated data into the database the server is
// configured for (DATABASE_URL, else DATA_DIR's embedded one), for looking at plans or running the server on it.
// The database must be new: the data goes in beside the demo organisation's users and services.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { openConfiguredDatabase } from '../src/server/db/open';
import { listServices } from '../src/server/modules/services/queries';
import { seedDemoUsers } from '../src/server/seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../src/server/seed/organization';
import { seedServices } from '../src/server/seed/services';
import { loadActivity, loadBenchData } from './data';

const size = Number(process.argv[2] ?? 10_000);
const { database, release } = await openConfiguredDatabase(loadConfig());
const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
await seedDemoUsers(database.db, orgId, branchIds);
await seedServices(database.db, orgId);
const serviceIds = (await listServices(database.db, orgId)).map((s) => s.id);
const idOf = async (username: string) => {
  const r = await database.db.execute(sql`SELECT id FROM users WHERE username = ${username}`);
  return String((r as unknown as { rows: { id: string }[] }).rows[0]!.id);
};
let started = performance.now();
await loadBenchData(database.db, orgId, Object.values(branchIds), serviceIds, size);
console.log(`${size} beneficiaries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
started = performance.now();
const counts = await loadActivity(
  database,
  orgId,
  { officer: await idOf('officer'), execution: await idOf('execution') },
  serviceIds,
  console.log,
);
console.log(counts, `in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await database.exec('VACUUM ANALYZE');
await database.close();
release();
