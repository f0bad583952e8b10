import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type ApplicationStage, type checklistUpdateInput, OPEN_STAGES } from '../../../common/domain/application';
import { checklistItems, documents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getApplication } from './queries';

/** Policy step 2: the officer matches each required item at submission and records its state and who checked it. */
export async function updateChecklistItem(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  itemKey: string,
  input: z.infer<typeof checklistUpdateInput>,
  meta: RequestMeta,
) {
  const app = await getApplication(deps.db, user.orgId, applicationId);
  if (!app) throw new AppError('application.not_found');
  authorize(user, 'applications.verify', { orgId: app.orgId, branchId: app.branchId });
  if (!OPEN_STAGES.includes(app.stage as ApplicationStage))
    throw new AppError('application.checklist_closed', { stage: app.stage });
  if (input.documentId) {
    const [doc] = await deps.db
      .select({ beneficiaryId: documents.beneficiaryId })
      .from(documents)
      .where(inOrg(documents, user.orgId, eq(documents.id, input.documentId)));
    if (!doc || doc.beneficiaryId !== app.beneficiaryId) throw new AppError('document.not_found');
  }
  await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(checklistItems)
      .set({
        state: input.state,
        ...(input.note !== undefined ? { note: input.note || null } : {}),
        ...(input.documentId !== undefined ? { documentId: input.documentId } : {}),
        updatedBy: user.id,
        updatedAt: new Date(),
      })
      .where(
        inOrg(
          checklistItems,
          user.orgId,
          eq(checklistItems.applicationId, applicationId),
          eq(checklistItems.itemKey, itemKey),
        ),
      )
      .returning({ itemKey: checklistItems.itemKey });
    if (updated.length === 0) throw new AppError('application.checklist_item_not_found');
    await writeAudit(tx, user, meta, {
      action: 'application.checklist_updated',
      entityType: 'application',
      entityId: applicationId,
      details: { itemKey, state: input.state },
    });
  });
}
