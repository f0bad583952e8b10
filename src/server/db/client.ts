import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './tables/index';

export type Schema = typeof schema;
/** Both drivers share this type: queries are written once for PGlite and for the PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  kind: 'embedded' | 'postgres';
  db: Db;
  /** Raw SQL for maintenance (VACUUM, health); not for domain code. */
  exec(statement: string): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine itself (backups use its data-folder dump). */
  pglite?: PGlite;
  /** The server's connection string (backups run pg_dump against it). */
  url?: string;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Embedded PGlite in `dataDir`, or in memory when dataDir is undefined (tests). */
export async function openEmbedded(
  dataDir: string | undefined,
  opts: { sharedBuffers?: string } = {},
): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    // PGlite keeps ~600 MB of WAL by default; this bounds it (ARCHITECTURE.md → guardrails).
    // Its default 128 MB buffer pool is most of its resident memory; 32 MB keeps an idle server small
    // (docs/benchmarks.md → memory) and reads beyond it come from the operating system's file cache.
    postgresqlconf: [
      "max_wal_size = '64MB'",
      "min_wal_size = '32MB'",
      `shared_buffers = '${opts.sharedBuffers ?? '32MB'}'`,
    ],
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'embedded',
    pglite: client,
    db,
    exec: async (statement) => {
      await client.exec(statement);
    },
    migrate: async () => {
      await client.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific database type
      await migratePglite(db as any, { migrationsFolder });
    },
    close: () => client.close(),
  };
}

export async function openServer(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    url,
    db,
    exec: async (statement) => {
      await pool.query(statement);
    },
    migrate: async () => {
      // One connection holds an advisory lock so that instances starting together migrate one at a time.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock(727375)');
        await lockClient.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific database type
        await migrateNodePg(db as any, { migrationsFolder });
      } finally {
        await lockClient.query('select pg_advisory_unlock(727375)').catch(() => {});
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Applies committed migrations; safe on every start, on an existing database, and from several instances. */
export function migrateDatabase(database: Database): Promise<void> {
  return database.migrate();
}
