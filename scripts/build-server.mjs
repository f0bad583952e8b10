// Compiles the server once into dist/server/main.mjs, so `npm start` runs plain JavaScript: no TypeScript
// compiler stays in the running process (docs/benchmarks.md → memory). Packages stay in node_modules.
import fs from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The migrator reads its SQL files next to the code that opens the database.
fs.rmSync('dist/server/migrations', { recursive: true, force: true });
fs.cpSync('src/server/db/migrations', 'dist/server/migrations', { recursive: true });
