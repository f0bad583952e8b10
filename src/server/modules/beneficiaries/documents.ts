import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { documents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { getApplication } from '../applications/queries';
import { loadBeneficiaryFor } from './get-beneficiary-file';
import { storeUpload } from './stored-file';

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

export async function uploadDocument(
  deps: Deps,
  user: SessionUser,
  beneficiaryId: string,
  upload: { kind: string; applicationId: string | null; fileName: string; bytes: Buffer },
  meta: RequestMeta,
) {
  const beneficiary = await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.write');
  if (upload.applicationId) {
    // A document may only be filed under an application of the same beneficiary.
    const application = await getApplication(deps.db, user.orgId, upload.applicationId);
    if (!application || application.beneficiaryId !== beneficiary.id) throw new AppError('application.not_found');
  }
  return storeUpload(deps, user.orgId, upload, (file) =>
    deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(documents)
        .values({
          orgId: user.orgId,
          beneficiaryId: beneficiary.id,
          applicationId: upload.applicationId,
          kind: upload.kind,
          ...file,
          uploadedBy: user.id,
        })
        .returning({
          id: documents.id,
          kind: documents.kind,
          originalName: documents.originalName,
          mime: documents.mime,
          size: documents.size,
          at: documents.at,
        });
      await writeAudit(tx, user, meta, {
        action: 'document.uploaded',
        entityType: 'beneficiary',
        entityId: beneficiary.id,
        details: { documentId: row!.id, kind: upload.kind },
      });
      return row!;
    }),
  );
}

export async function readDocument(deps: Deps, user: SessionUser, id: string, meta: RequestMeta) {
  const [row] = await deps.db
    .select()
    .from(documents)
    .where(inOrg(documents, user.orgId, eq(documents.id, id)));
  if (!row) throw new AppError('document.not_found');
  await loadBeneficiaryFor(deps, user, row.beneficiaryId, 'beneficiaries.read');
  const bytes = await fs.readFile(path.join(deps.config.uploadDir, row.storedName)).catch(() => null);
  if (!bytes) throw new AppError('document.not_found');
  await writeAudit(deps.db, user, meta, {
    action: 'document.downloaded',
    entityType: 'beneficiary',
    entityId: row.beneficiaryId,
    details: { documentId: id },
  });
  return { bytes, mime: row.mime, name: nameForType(row.originalName, row.mime) };
}
