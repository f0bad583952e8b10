import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { createTestDatabase } from '../../test/harness';

describe('GET /api/health', () => {
  let close: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>['database'];
  beforeAll(async () => {
    const made = await createTestDatabase();
    database = made.database;
    close = made.drop;
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 200 with the database kind', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.WASL_TEST_DB === 'postgres' ? 'postgres' : 'embedded',
    });
  });

  it('answers 503 when the database does not answer', async () => {
    await close();
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unavailable');
  });
});
