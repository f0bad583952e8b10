import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client';
import { listServices } from '../src/server/modules/services/queries';
import { seedDemoUsers } from '../src/server/seed/demo-users';
import { ensureOrganization, FIRST_ORGANIZATION } from '../src/server/seed/organization';
import { seedServices } from '../src/server/seed/services';
import { loadActivity, loadBenchData } from './data';

/**
 * An embedded database as an association would have it after some years: `files` beneficiary files with their
 * applications, interactions, cases, deliveries and survey answers, the demo users and services, a logo (bytes)
 * and a few failed sign-ins (an identity column). The embedded → server test and bench use it.
 */
export async function generateFiles(database: Database, files: number, log?: (line: string) => void): Promise<void> {
  const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
  await seedDemoUsers(database.db, orgId, branchIds);
  await seedServices(database.db, orgId);
  const serviceIds = (await listServices(database.db, orgId)).map((s) => s.id);
  await loadBenchData(database.db, orgId, Object.values(branchIds), serviceIds, files);
  const idOf = async (username: string) => {
    const r = (await database.db.execute(sql`select id from users where username = ${username}`)) as unknown as {
      rows: { id: string }[];
    };
    return String(r.rows[0]!.id);
  };
  await loadActivity(
    database,
    orgId,
    { officer: await idOf('officer'), execution: await idOf('execution') },
    serviceIds,
    log,
  );
  await database.exec(
    `update organizations set logo = decode('89504e470d0a1a0a', 'hex'), logo_mime = 'image/png' where id = '${orgId}';
     insert into login_failures (username, ip) select 'someone', ('10.0.0.' || g)::inet from generate_series(1, 5) g;`,
  );
}
