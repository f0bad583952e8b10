import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import type { Deps } from '../../http/context';
import { getSettings } from '../settings';

export const DOCUMENT_KIND = /^[a-z0-9_]{2,40}$/;

/** The file's type is read from its first bytes, never from its name or the browser's claim. */
export function sniffMime(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** The file name extensions of each accepted type; the first is the one given when the name has none of them. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/**
 * The name a file is offered under: its own name with the extension of the type its content was sniffed as, so a
 * PDF uploaded as "x.html" downloads as "x.pdf" and no browser or desktop opens it as something else.
 */
export function nameForType(name: string, mime: string): string {
  const allowed = EXTENSIONS[mime];
  if (!allowed) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (allowed.includes(ext)) return name;
  const stem = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(name.slice(dot)) ? name.slice(0, dot) : name;
  return `${stem.slice(0, 145)}${allowed[0]}`;
}

/** Keeps a display name safe for a header and a page: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/'));
  const cleaned = Array.from(base)
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch !== '\u007f')
    .join('')
    .trim()
    .slice(0, 150);
  return cleaned || 'document';
}

export type StoredFile = { storedName: string; originalName: string; mime: string; size: number; sha256: string };

/**
 * The one way an upload reaches the disk (documents, case attachments, portal uploads): checked for emptiness,
 * the association's size limit and its type by content, written under a generated name, then `record` writes
 * its row. If the row is not written, the file is removed again, so no orphan stays on disk.
 */
export async function storeUpload<T>(
  deps: Deps,
  orgId: string,
  upload: { fileName: string; bytes: Buffer },
  record: (file: StoredFile) => Promise<T>,
): Promise<T> {
  const settings = await getSettings(deps.db, orgId);
  if (upload.bytes.length === 0) throw new AppError('document.empty');
  if (upload.bytes.length > settings.maxUploadMb * 1024 * 1024)
    throw new AppError('document.too_large', { maxMb: settings.maxUploadMb });
  const mime = sniffMime(upload.bytes);
  if (!mime) throw new AppError('document.type_not_allowed');
  const storedName = randomUUID();
  await fs.mkdir(deps.config.uploadDir, { recursive: true });
  const file = path.join(deps.config.uploadDir, storedName);
  await fs.writeFile(file, upload.bytes, { flag: 'wx', mode: 0o600 });
  try {
    return await record({
      storedName,
      originalName: nameForType(cleanFileName(upload.fileName), mime),
      mime,
      size: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    });
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
}
