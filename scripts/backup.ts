// `npm run backup`: one backup file (database + every uploaded document + manifest) in BACKUP_DIR, the same as
// the system screen's button. A running server takes its own backups (schedule or button, while it runs); this
// command is for the PostgreSQL server from any machine, or for the embedded database while Wasl is stopped
// (the running server holds the data folder's lock, and two processes must never open it).
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { openEmbedded, openServer } from '../src/server/db/client';
import { lockDataFolder } from '../src/server/db/lock';
import { createBackup, pruneBackups } from '../src/server/modules/system/backups';

const config = loadConfig();
let release = () => {};
const database = config.databaseUrl
  ? await openServer(config.databaseUrl, 2)
  : await (async () => {
      release = lockDataFolder(config.dataDir);
      return openEmbedded(path.join(config.dataDir, 'pglite'));
    })();
try {
  const info = await createBackup(database, config, 'command');
  const removed = await pruneBackups(config.backup.dir, config.backup.keep);
  console.log(
    `Backup written: ${path.join(config.backup.dir, info.name)} (${info.size} bytes, ${info.rows} rows in ${info.tables} tables, ${info.documents} documents).`,
  );
  if (removed.length > 0) console.log(`Older backups removed (keeping ${config.backup.keep}): ${removed.join(', ')}`);
} finally {
  await database.close();
  release();
}
