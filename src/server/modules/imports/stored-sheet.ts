import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../http/context';
import { readSheet, type Sheet } from './read-sheet';

const DIR = 'imports';

/** Writes the uploaded sheet under a generated name, so a dry run and a resumed import read the same bytes. */
export async function storeSheetFile(
  deps: Deps,
  bytes: Buffer,
): Promise<{ storedName: string; remove: () => Promise<void> }> {
  const dir = path.join(deps.config.uploadDir, DIR);
  await fs.mkdir(dir, { recursive: true });
  const storedName = randomUUID();
  const file = path.join(dir, storedName);
  await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
  return { storedName, remove: () => fs.rm(file, { force: true }) };
}

export async function loadStoredSheet(deps: Deps, storedName: string, fileName: string): Promise<Sheet> {
  const bytes = await fs.readFile(path.join(deps.config.uploadDir, DIR, path.basename(storedName)));
  return readSheet(bytes, fileName);
}
