// `npm run backup [file]`: the embedded database (server stopped: it holds the folder's lock) as a gzipped copy
// of its data folder, or the PostgreSQL server (DATABASE_URL) with pg_dump's custom format.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../src/server/config';
import { backupEmbedded, backupServer } from '../src/server/db/backup';
import { lockDataFolder } from '../src/server/db/lock';

const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(process.argv[2] ?? `wasl-backup-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
if (config.databaseUrl) {
  await backupServer(config.databaseUrl, file);
} else {
  const release = lockDataFolder(config.dataDir);
  try {
    const client = await PGlite.create({ dataDir: path.join(config.dataDir, 'pglite'), extensions: { pg_trgm } });
    await backupEmbedded(client, file);
    await client.close();
  } finally {
    release();
  }
}
console.log(`Backup written to ${file}. Uploaded documents are files in ${config.uploadDir}: copy that folder too.`);
