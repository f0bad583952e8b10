import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { checklistItems, documents } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta } from '../../http/context';
import { cleanFileName, sniffMime } from '../beneficiaries/documents';
import { getSettings } from '../settings/queries';

/** A document the applicant adds from the portal, after a one-time code; checked by content like at the desk. */
export async function uploadPortalDocument(
  deps: Deps,
  orgId: string,
  app: { id: string; beneficiaryId: string },
  upload: { kind: string; fileName: string; bytes: Buffer },
  meta: RequestMeta,
) {
  const settings = await getSettings(deps.db, orgId);
  if (upload.bytes.length === 0) throw new AppError('document.empty');
  if (upload.bytes.length > settings.maxUploadMb * 1024 * 1024) throw new AppError('document.too_large');
  const mime = sniffMime(upload.bytes);
  if (!mime) throw new AppError('document.type_not_allowed');
  const storedName = randomUUID();
  await fs.mkdir(deps.config.uploadDir, { recursive: true });
  const file = path.join(deps.config.uploadDir, storedName);
  await fs.writeFile(file, upload.bytes, { flag: 'wx', mode: 0o600 });
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(documents)
        .values({
          orgId,
          beneficiaryId: app.beneficiaryId,
          applicationId: app.id,
          kind: upload.kind,
          originalName: cleanFileName(upload.fileName),
          storedName,
          mime,
          size: upload.bytes.length,
          sha256: createHash('sha256').update(upload.bytes).digest('hex'),
          uploadedBy: null,
        })
        .returning({ id: documents.id, kind: documents.kind, originalName: documents.originalName });
      // The document answers its checklist item: staff see it as provided, ready to verify.
      await tx
        .update(checklistItems)
        .set({ state: 'provided', documentId: row!.id, updatedAt: new Date(), updatedBy: null })
        .where(
          and(
            eq(checklistItems.applicationId, app.id),
            eq(checklistItems.itemKey, upload.kind),
            inArray(checklistItems.state, ['pending', 'missing']),
          ),
        );
      await writeAudit(tx, { id: null, orgId, username: null }, meta, {
        action: 'document.uploaded_portal',
        entityType: 'application',
        entityId: app.id,
        details: { documentId: row!.id },
      });
      return row!;
    });
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
}
