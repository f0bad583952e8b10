// `npm run import -- <file> [--dry-run] [--mapping <file.json>] [--keep-invalid] [--json] [--branch CODE] [--user NAME]`:
// imports an association's registry sheet (.xlsx or CSV) as the API does. With --json the last line is
// {"rows":N,"valid":N,"invalid":N,"duplicates":N,"created":N,"updated":N}. --keep-invalid keeps invalid head rows as
// files waiting for correction (the data-quality page lists them) instead of leaving them out.
import { loadConfig } from '../src/server/config';
import { openConfiguredDatabase } from '../src/server/db/open';
import { cliError, parseCliArgs, runCliImport } from '../src/server/modules/imports/import-cli';

const opts = parseCliArgs(process.argv.slice(2));
const config = loadConfig();
const { database, release } = await openConfiguredDatabase(config);
let code = 0;
try {
  const counts = await runCliImport({ config, database, db: database.db }, opts, (line) => console.log(line));
  if (!opts.json)
    console.log(
      `rows ${counts.rows}, valid ${counts.valid}, invalid ${counts.invalid}, duplicates ${counts.duplicates}, created ${counts.created}`,
    );
  console.log(JSON.stringify(counts));
} catch (error) {
  console.error(cliError(error));
  code = 1;
} finally {
  await database.close();
  release();
}
process.exit(code);
