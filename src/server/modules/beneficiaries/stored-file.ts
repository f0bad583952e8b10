import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import type { Deps } from '../../http/context';
import { getSettings } from '../settings/queries';
import { cleanFileName, nameForType, sniffMime } from './documents';

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
