import type { FastifyRequest } from 'fastify';
import { hasControlCharacters } from '../../common/input';
import { AppError } from '../errors';

export type Upload = { fileName: string; bytes: Buffer; field: (name: string) => string | undefined };

/**
 * The one file of a multipart request, read whole (uploads are bounded by the multipart limits). A body that cannot
 * be parsed (no boundary, a broken part header, a form cut short) is the client's mistake: 400
 * `request.malformed_multipart`, never a 500. Limits keep their own 413, and a form field holding a control
 * character is refused like any text field.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('document.multipart_required');
  let upload: Upload;
  try {
    const part = await request.file();
    if (!part) throw new AppError('document.empty');
    const bytes = await part.toBuffer();
    const fields = part.fields;
    upload = {
      fileName: part.filename,
      bytes,
      field: (name) => {
        const f = fields[name];
        return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : undefined;
      },
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw error;
    throw new AppError('request.malformed_multipart');
  }
  return upload;
}

/** A form field of an upload, refused (400, naming it) when it holds a control character. */
export function uploadField(upload: Upload, name: string): string | undefined {
  const value = upload.field(name);
  if (value !== undefined && hasControlCharacters(value))
    throw new AppError('request.validation', [{ field: name, issue: 'field.control_characters' }]);
  return value;
}
