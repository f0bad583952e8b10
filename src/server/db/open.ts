import path from 'node:path';
import type { Config } from '../config';
import { type Database, migrateDatabase, openEmbedded, openServer } from './client';
import { lockDataFolder } from './lock';

/** Opens the configured database (server when DATABASE_URL is set, else embedded in DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) {
    const database = await openServer(config.databaseUrl);
    await migrateDatabase(database);
    return { database, release: () => {} };
  }
  const release = lockDataFolder(config.dataDir);
  try {
    const database = await openEmbedded(path.join(config.dataDir, 'pglite'), {
      sharedBuffers: config.pgliteSharedBuffers,
    });
    await migrateDatabase(database);
    return { database, release };
  } catch (error) {
    release();
    throw error;
  }
}
