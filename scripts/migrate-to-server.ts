// `npm run migrate-to-server -- <postgres-url> [--documents <folder>]`: moves an embedded installation (DATA_DIR)
// onto a PostgreSQL server. Stop Wasl first: the data folder is locked while this runs. The target must be an
// empty database; a run that stopped half-way is started over by running the same command again.
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { migrateDatabase, openEmbedded, openServer } from '../src/server/db/client';
import { lockDataFolder } from '../src/server/db/lock';
import { moveToServer, TargetNotEmptyError } from '../src/server/db/move-to-server';

const args = process.argv.slice(2);
const url = args.find((a) => /^postgres(ql)?:\/\//.test(a));
const docIndex = args.indexOf('--documents');
const documentsTo = docIndex >= 0 ? args[docIndex + 1] : undefined;
if (!url || (docIndex >= 0 && !documentsTo)) {
  console.error('Usage: npm run migrate-to-server -- postgres://user@host:5432/database [--documents <folder>]');
  console.error('The database must exist and be empty (createdb wasl). Stop Wasl before running this.');
  process.exit(2);
}

const config = loadConfig();
const release = lockDataFolder(config.dataDir);
const source = await openEmbedded(path.join(config.dataDir, 'pglite'), { sharedBuffers: config.pgliteSharedBuffers });
let failed = false;
try {
  // The folder is brought to the current migrations so both sides have the same tables.
  await migrateDatabase(source);
  console.log(`Copying ${config.dataDir} to ${new URL(url).host}${new URL(url).pathname} …`);
  const report = await moveToServer(
    source,
    url,
    async () => {
      const target = await openServer(url, 2);
      try {
        await migrateDatabase(target);
      } finally {
        await target.close();
      }
    },
    {
      documents: documentsTo ? { from: config.uploadDir, to: path.resolve(documentsTo) } : undefined,
      log: (line) => console.log(`  ${line}`),
    },
  );
  console.log(
    `\nVerified: ${report.tables.length} tables, ${report.rows} rows, the same row counts and content hashes on both sides (copy ${(report.copyMs / 1000).toFixed(1)} s, verification ${(report.verifyMs / 1000).toFixed(1)} s).`,
  );
  const uploads = documentsTo ? path.resolve(documentsTo) : config.uploadDir;
  if (documentsTo) console.log(`Documents: ${report.documents} files copied to ${uploads} and checked.`);
  console.log('\nTo run Wasl on the server from now on, start it with:');
  console.log(`  DATABASE_URL=${url}`);
  console.log(`  UPLOAD_DIR=${uploads}`);
  console.log('and keep your other settings (PUBLIC_URL, providers, BACKUP_DIR). Then check with: npm run doctor');
  console.log(`The data folder ${config.dataDir} is left as it was; keep it until you have checked the server.`);
} catch (error) {
  failed = true;
  if (error instanceof TargetNotEmptyError) console.error(error.message);
  else {
    console.error(`The copy stopped: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nothing in the data folder was changed. Run the same command again: it starts the copy over.');
  }
} finally {
  await source.close();
  release();
}
process.exit(failed ? 1 : 0);
