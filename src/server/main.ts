import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './db/open';
import { startScheduler } from './jobs/scheduler';
import { seedDemoCommittee } from './seed/demo-committee';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './seed/demo-users';
import { seedDemoKnowledge } from './seed/knowledge';
import { ensureOrganization, FIRST_ORGANIZATION, findOrganization } from './seed/organization';
import { seedServices } from './seed/services';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const config = loadConfig();
  if (config.env === 'production' && config.demo) {
    throw new Error('WASL_DEMO is refused when NODE_ENV=production: demo users must never exist in production.');
  }
  const { database, release } = await openConfiguredDatabase(config);
  const isNew = !(await findOrganization(database.db, FIRST_ORGANIZATION.slug));
  const { orgId, branchIds } = await ensureOrganization(database.db, FIRST_ORGANIZATION);
  if (isNew) await seedServices(database.db, orgId);
  // Demo users on a new embedded database, or whenever WASL_DEMO=1; never in production.
  const demo = config.env !== 'production' && (config.demo || (isNew && database.kind === 'embedded'));
  const created = demo ? await seedDemoUsers(database.db, orgId, branchIds) : [];
  if (demo && isNew) {
    await seedDemoKnowledge(database.db, orgId);
    await seedDemoCommittee(database.db, orgId);
  }

  const app = await buildApp({ config, database, webRoot: path.join(root, 'dist/web'), logLevel: config.logLevel });
  const stopJobs = startScheduler({ config, database, db: database.db }, (msg, err) => app.log.error({ err }, msg));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    stopJobs();
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`\nوصل Wasl is running on http://localhost:${config.port} (${where})`);
  if (created.length > 0 || demo) {
    console.log(`Demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}\n`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
