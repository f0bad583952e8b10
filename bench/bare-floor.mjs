// The bare floor (issue 19): Fastify and the same database driver as Wasl, and nothing of Wasl — no logging, no
// security headers, no session, no validation library — answering the same indexed SELECT as /api/bench/floor.
// bench/run.ts starts it in the same run as the real server, so each scenario can be read against what the bare
// stack gives on this machine at this moment. Plain JavaScript run by node, as the compiled server is.
// Environment: PORT, and DATABASE_URL (the `pg` pool, size 10 as the server's) or PGLITE_DIR (PGlite, same settings).
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 3999);
let query;
let close;
if (process.env.DATABASE_URL) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  query = async (text, params) => (await pool.query(text, params)).rows;
  close = () => pool.end();
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // The settings openEmbedded gives the server's PGlite, so both read through the same buffer pool size.
  const client = await PGlite.create({
    dataDir: process.env.PGLITE_DIR,
    extensions: { pg_trgm },
    postgresqlconf: ["max_wal_size = '64MB'", "min_wal_size = '32MB'", "shared_buffers = '32MB'"],
  });
  query = async (text, params) => (await client.query(text, params)).rows;
  close = () => client.close();
}

const [org] = await query('SELECT id FROM organizations ORDER BY created_at LIMIT 1', []);
const app = Fastify();
app.get('/floor', async (request) => {
  const rows = await query('SELECT id FROM beneficiaries WHERE org_id = $1 AND national_id = $2 LIMIT 1', [
    org.id,
    String(request.query.nid ?? ''),
  ]);
  return { found: rows.length > 0 };
});
app.get('/health', async () => ({ ok: true }));
await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await close();
  process.exit(0);
});
