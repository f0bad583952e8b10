import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

/** A file inside a backup: its path in the archive, size and SHA-256. */
export type ArchivedFile = { name: string; size: number; sha256: string };

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file under `dir`, as paths relative to it (sorted; a missing folder has none). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string) {
    const entries = await fsp.readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

/**
 * Writes a tar archive: each source file under its archive name, then `manifest.json` built from what was
 * actually written (a file deleted meanwhile is left out and reported by the caller's manifest).
 */
export async function writeArchive(
  target: string,
  files: { name: string; source: string }[],
  manifest: (written: ArchivedFile[], missing: string[]) => unknown,
): Promise<void> {
  const pack = tar.pack();
  const out = fs.createWriteStream(target, { mode: 0o600 });
  const done = pipeline(pack, out);
  const written: ArchivedFile[] = [];
  const missing: string[] = [];
  for (const f of files) {
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(f.source);
    } catch {
      missing.push(f.name);
      continue;
    }
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: f.name, size: bytes.length, mode: 0o600 }, bytes, (err) => (err ? reject(err) : resolve())),
    );
    written.push({ name: f.name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const json = Buffer.from(JSON.stringify(manifest(written, missing), null, 2));
  pack.entry({ name: 'manifest.json', size: json.length, mode: 0o600 }, json);
  pack.finalize();
  await done;
}

/** Unpacks an archive into an empty folder; names that would leave the folder are refused. */
export async function extractArchive(file: string, dir: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  const extract = tar.extract();
  const root = path.resolve(dir);
  extract.on('entry', (header, stream, next) => {
    const target = path.resolve(root, header.name);
    if (header.type !== 'file' || !target.startsWith(`${root}${path.sep}`)) {
      stream.resume();
      stream.on('end', next);
      return;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    pipeline(stream, fs.createWriteStream(target, { mode: 0o600 })).then(() => next(), next);
  });
  await pipeline(fs.createReadStream(file), extract);
}
