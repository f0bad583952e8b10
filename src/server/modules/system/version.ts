import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** The installed version: package.json's, found by walking up from this file (source or built server). */
export function appVersion(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'wasl' && pkg.version) {
        cached = pkg.version;
        return cached;
      }
    }
    dir = path.dirname(dir);
  }
  cached = 'unknown';
  return cached;
}
