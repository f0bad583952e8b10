import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { documents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from './get-beneficiary-file';
import { applicationOwner } from './queries';
import { nameForType, storeUpload } from './stored-file';

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
    const application = await applicationOwner(deps.db, user.orgId, upload.applicationId);
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
