import type { z } from 'zod';
import { FIELD_PHOTO_MAX_BYTES, type fieldPhotoInput } from '../../../common/domain/field';
import { AppError } from '../../errors';
import type { Deps } from '../../http/context';
import { type StoredFile, sniffMime, storeUpload } from '../beneficiaries';

type PhotoInput = z.infer<typeof fieldPhotoInput>;
export type FieldUpload = { purpose: PhotoInput['purpose']; fileName: string; bytes: Buffer };

/**
 * A photo from the phone, decoded and checked before anything is written: at most FIELD_PHOTO_MAX_BYTES (the
 * phone compresses to that) and a JPEG or PNG by its content, whatever it claims to be.
 */
export function decodePhoto(photo: PhotoInput): FieldUpload {
  const bytes = Buffer.from(photo.data, 'base64');
  if (bytes.length > FIELD_PHOTO_MAX_BYTES) {
    throw new AppError('field.photo_too_large', {
      maxKb: FIELD_PHOTO_MAX_BYTES / 1024,
      sizeKb: Math.ceil(bytes.length / 1024),
    });
  }
  const mime = sniffMime(bytes);
  if (mime !== 'image/jpeg' && mime !== 'image/png') throw new AppError('field.photo_not_image');
  return { purpose: photo.purpose, fileName: `${photo.purpose}${mime === 'image/png' ? '.png' : '.jpg'}`, bytes };
}

/**
 * Writes every photo through `storeUpload` (one after the other, each inside the previous one's callback), then
 * `record` writes the rows. If `record` fails, every file written is removed again: no orphan on disk.
 */
export function storePhotos<T>(
  deps: Deps,
  orgId: string,
  uploads: FieldUpload[],
  record: (files: (StoredFile & { purpose: FieldUpload['purpose'] })[]) => Promise<T>,
  stored: (StoredFile & { purpose: FieldUpload['purpose'] })[] = [],
): Promise<T> {
  const [next, ...rest] = uploads;
  if (!next) return record(stored);
  return storeUpload(deps, orgId, next, (file) =>
    storePhotos(deps, orgId, rest, record, [...stored, { ...file, purpose: next.purpose }]),
  );
}
