// `npm run restore <backup.tar>`: the restore drill (README → Backups). Restores into an EMPTY target only:
// the embedded data folder DATA_DIR (its pglite folder must not exist or be empty) or the empty PostgreSQL
// database of DATABASE_URL, and the documents into UPLOAD_DIR (default DATA_DIR/documents), which must be empty.
// Every file is checked against the backup's manifest first; a damaged backup is refused.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { lockDataFolder } from '../src/server/db/lock';
import { restoreBackup } from '../src/server/modules/system/backups';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('usage: npm run restore <backup file (.tar)>');
  process.exit(2);
}
const config = loadConfig();
const release = config.databaseUrl ? () => {} : lockDataFolder(config.dataDir);
try {
  const manifest = await restoreBackup(path.resolve(file), {
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') }),
    uploadDir: config.uploadDir,
  });
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(
    `Restored the backup of ${manifest.createdAt} (version ${manifest.version}): ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.documents.length} documents.`,
  );
} catch (error) {
  console.error(`Restore refused: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  release();
}
