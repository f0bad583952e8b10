import { FIELD_PHOTO_MAX_BYTES } from '../../common/domain/field-limits';

export class PhotoError extends Error {}

/** Longest side of a photo on the phone: enough to read a national ID card, small enough to send on 2G. */
const MAX_SIDE = 1600;

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoError('encode'))), 'image/jpeg', quality),
  );
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A photo compressed on the phone to a JPEG of at most FIELD_PHOTO_MAX_BYTES: scaled to MAX_SIDE, then the quality
 * and, if needed, the size lowered step by step. A file that is not an image is refused (PhotoError 'not_image').
 */
export async function compressPhoto(file: Blob): Promise<{ data: string; bytes: number }> {
  if (!file.type.startsWith('image/')) throw new PhotoError('not_image');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoError('not_image');
  }
  let scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.82, 0.7, 0.55]) {
      const blob = await toBlob(canvas, quality);
      if (blob.size <= FIELD_PHOTO_MAX_BYTES) return { data: await base64Of(blob), bytes: blob.size };
    }
    scale *= 0.75;
  }
  throw new PhotoError('too_large');
}
