import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Deps } from '../../http/context';
import { openSheet, type SheetReader } from './read-sheet';

const DIR = 'imports';

/**
 * Streams an upload (or a file on disk, for the command line) into the imports folder under a generated name,
 * hashing it on the way, so the sheet is never held whole in memory.
 */
export async function storeSheetStream(
  deps: Deps,
  source: Readable,
): Promise<{ storedName: string; path: string; sha256: string; remove: () => Promise<void> }> {
  const dir = path.join(deps.config.uploadDir, DIR);
  await fs.mkdir(dir, { recursive: true });
  const storedName = randomUUID();
  const file = path.join(dir, storedName);
  const hash = createHash('sha256');
  const remove = () => fs.rm(file, { force: true });
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(file, { flags: 'wx', mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { storedName, path: file, sha256: hash.digest('hex'), remove };
}

export function storedSheetPath(deps: Deps, storedName: string): string {
  return path.join(deps.config.uploadDir, DIR, path.basename(storedName));
}

/** Opens a stored sheet for streaming its rows. */
export function loadStoredSheet(deps: Deps, storedName: string, fileName: string): Promise<SheetReader> {
  return openSheet(storedSheetPath(deps, storedName), fileName);
}
