// `npm run org:create -- --slug maa --name-ar "…" --name-en "…" --host maa.example.org --admin sara --admin-name "…"`
// onboards one association on a shared deployment (issue 20): its host, a head office, the default services and
// its first admin, whose one-time password is printed once and must be changed at first sign-in.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { loadConfig } from '../src/server/config';
import { migrateDatabase, openEmbedded, openServer } from '../src/server/db/client';
import { lockDataFolder } from '../src/server/db/lock';
import { AppError } from '../src/server/errors';
import { createOrganisation } from '../src/server/modules/organisation/create-organisation';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    'name-ar': { type: 'string' },
    'name-en': { type: 'string' },
    host: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
  },
});

const config = loadConfig();
let release = () => {};
const database = config.databaseUrl
  ? await openServer(config.databaseUrl, 2)
  : await (async () => {
      release = lockDataFolder(config.dataDir);
      return openEmbedded(path.join(config.dataDir, 'pglite'));
    })();
let code = 0;
try {
  await migrateDatabase(database);
  const created = await createOrganisation(database.db, {
    slug: values.slug ?? '',
    nameAr: values['name-ar'] ?? '',
    nameEn: values['name-en'] ?? '',
    host: values.host ?? '',
    adminUsername: values.admin ?? '',
    adminName: values['admin-name'] ?? values.admin ?? '',
  });
  const scheme = new URL(config.publicUrl).protocol;
  console.log(`Association created (${created.orgId}).`);
  console.log(`Its staff sign in at ${scheme}//${values.host?.toLowerCase()}/ — point that name at this deployment.`);
  console.log(`First admin: ${values.admin?.toLowerCase()}, one-time password: ${created.password}`);
  console.log('The password is shown only now and must be changed at the first sign-in.');
} catch (error) {
  code = 1;
  if (error instanceof ZodError) {
    const flag: Record<string, string> = {
      nameAr: 'name-ar',
      nameEn: 'name-en',
      adminUsername: 'admin',
      adminName: 'admin-name',
    };
    for (const issue of error.issues) {
      const key = String(issue.path[0]);
      console.error(`--${flag[key] ?? key}: ${issue.message}`);
    }
    console.error('Usage: npm run org:create -- --slug … --name-ar … --name-en … --host … --admin … --admin-name …');
  } else if (error instanceof AppError) {
    console.error(
      error.code === 'organisation.taken'
        ? 'That slug or host is already used by another association.'
        : 'That admin username is taken.',
    );
  } else throw error;
} finally {
  await database.close();
  release();
}
process.exit(code);
