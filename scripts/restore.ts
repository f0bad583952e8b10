// `npm run restore <file>`: into an EMPTY target — the embedded data folder (DATA_DIR must not hold a database)
// or the PostgreSQL database of DATABASE_URL (create it empty first).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { restoreEmbedded, restoreServer } from '../src/server/db/backup';
import { lockDataFolder } from '../src/server/db/lock';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('usage: npm run restore <backup file>');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  await restoreServer(path.resolve(file), config.databaseUrl);
} else {
  const target = path.join(config.dataDir, 'pglite');
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    console.error(`${target} already holds a database; restore into an empty DATA_DIR.`);
    process.exit(1);
  }
  const release = lockDataFolder(config.dataDir);
  try {
    const client = await restoreEmbedded(path.resolve(file), target);
    await client.close();
  } finally {
    release();
  }
}
console.log('Restored.');
