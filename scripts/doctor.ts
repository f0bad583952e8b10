// `npm run doctor`: checks the configuration this shell would start Wasl with (its environment variables) as
// production would read it, and says in plain words what is missing or unsafe. Exits 1 when something would break
// or endanger production, 0 otherwise. Run it with the same environment as the server (e.g. `set -a; . ./.env`).
import fs from 'node:fs';
import path from 'node:path';
import { type Database, openEmbedded, openServer } from '../src/server/db/client';
import { lockDataFolder } from '../src/server/db/lock';
import { checkEnvironment, checkInstallation, type Finding, formatFindings } from '../src/server/modules/system/doctor';

const { findings, config } = checkEnvironment(process.env);
const more: Finding[] = [];
if (config) {
  let database: Database | null = null;
  let release = () => {};
  try {
    if (config.databaseUrl) {
      database = await openServer(config.databaseUrl, 1);
      await database.exec('select 1');
    } else if (fs.existsSync(path.join(config.dataDir, 'pglite'))) {
      // The running server holds the folder; two processes on it would lose data, so then it is not opened.
      release = lockDataFolder(config.dataDir);
      database = await openEmbedded(path.join(config.dataDir, 'pglite'));
    } else {
      more.push({
        level: 'warning',
        topic: 'DATA_DIR',
        message: `${config.dataDir} holds no database yet; the first start creates it.`,
      });
    }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const inUse = text.includes('in use by process');
    more.push({
      level: inUse ? 'warning' : 'error',
      topic: 'database',
      message: inUse
        ? 'The embedded database is open by the running server; its contents (association, demo users) were not checked.'
        : `The database cannot be opened: ${text}`,
    });
    database = null;
  }
  try {
    more.push(...(await checkInstallation(config, database?.db ?? null)));
  } finally {
    await database?.close().catch(() => {});
    release();
  }
}
const all = [...findings, ...more];
console.log(formatFindings(all));
process.exit(all.some((f) => f.level === 'error') ? 1 : 0);
