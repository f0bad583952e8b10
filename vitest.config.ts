import { defineConfig } from 'vitest/config';

// The same integration tests run twice: on embedded PGlite and on the PostgreSQL server.
// Each test file builds its own throwaway database (see src/server/test/harness.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'embedded',
          include: ['src/**/*.test.ts'],
          // Tests whose subject is the PostgreSQL server itself (copying onto it, instances sharing it).
          exclude: ['src/server/db/move-to-server.test.ts', 'src/server/instances.test.ts'],
          env: { WASL_TEST_DB: 'embedded' },
          setupFiles: ['src/test-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/server/**/*.test.ts'],
          // Tests of the embedded database's own guardrails (its folder and lock) have no server counterpart.
          exclude: ['src/server/db/embedded.test.ts'],
          env: { WASL_TEST_DB: 'postgres' },
          setupFiles: ['src/test-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
