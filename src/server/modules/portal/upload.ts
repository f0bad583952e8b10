import { eq, inArray } from 'drizzle-orm';
import { checklistItems, documents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta } from '../../http/context';
import { storeUpload } from '../beneficiaries';
import { handlerOf, notifyStaff } from '../work';

/** A document the applicant adds from the portal, after a one-time code; checked by content like at the desk. */
export async function uploadPortalDocument(
  deps: Deps,
  orgId: string,
  app: { id: string; beneficiaryId: string },
  upload: { kind: string; fileName: string; bytes: Buffer },
  meta: RequestMeta,
) {
  return storeUpload(deps, orgId, upload, (file) =>
    deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(documents)
        .values({
          orgId,
          beneficiaryId: app.beneficiaryId,
          applicationId: app.id,
          kind: upload.kind,
          ...file,
          uploadedBy: null,
        })
        .returning({ id: documents.id, kind: documents.kind, originalName: documents.originalName });
      // The document answers its checklist item: staff see it as provided, ready to verify.
      await tx
        .update(checklistItems)
        .set({ state: 'provided', documentId: row!.id, updatedAt: new Date(), updatedBy: null })
        .where(
          inOrg(
            checklistItems,
            orgId,
            eq(checklistItems.applicationId, app.id),
            eq(checklistItems.itemKey, upload.kind),
            inArray(checklistItems.state, ['pending', 'missing']),
          ),
        );
      // The staff member handling the application is told a document arrived.
      const handler = await handlerOf(tx, orgId, app.id);
      await notifyStaff(tx, {
        orgId,
        userId: handler.userId,
        actorUserId: null,
        kind: 'document_received',
        entityType: 'application',
        entityId: app.id,
        reference: handler.reference,
        detail: row!.originalName,
      });
      await writeAudit(tx, { id: null, orgId, username: null }, meta, {
        action: 'document.uploaded_portal',
        entityType: 'application',
        entityId: app.id,
        details: { documentId: row!.id },
      });
      return row!;
    }),
  );
}
