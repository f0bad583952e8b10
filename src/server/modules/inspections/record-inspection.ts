import { eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { INSPECTION_STEP, type inspectionResultInput } from '../../../common/domain/committee';
import { completionItems, documents, homeInspections } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadInspectable } from './assign-inspection';
import { findInspection } from './queries';

/**
 * The representative records what they found at the home (outcome, note, pin, photo). Only the one it is
 * assigned to can; the record ticks the completion step in their name, once.
 */
export async function recordInspection(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  input: z.infer<typeof inspectionResultInput>,
  meta: RequestMeta,
) {
  const app = await loadInspectable(deps, user, applicationId, 'inspections.record');
  const current = await findInspection(deps.db, user.orgId, applicationId);
  if (!current) throw new AppError('inspection.not_found');
  if (current.recordedAt) throw new AppError('inspection.already_recorded');
  if (current.assigneeUserId !== user.id) throw new AppError('inspection.not_assignee');
  if (input.photoDocumentId) {
    const [doc] = await deps.db
      .select({ beneficiaryId: documents.beneficiaryId })
      .from(documents)
      .where(inOrg(documents, user.orgId, eq(documents.id, input.photoDocumentId)));
    if (!doc || doc.beneficiaryId !== app.beneficiaryId) throw new AppError('document.not_found');
  }
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    const saved = await tx
      .update(homeInspections)
      .set({
        outcome: input.outcome,
        note: input.note,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        photoDocumentId: input.photoDocumentId ?? null,
        recordedBy: user.id,
        recordedAt: now,
      })
      .where(
        inOrg(
          homeInspections,
          user.orgId,
          eq(homeInspections.id, current.id),
          eq(homeInspections.assigneeUserId, user.id),
          isNull(homeInspections.recordedAt),
        ),
      )
      .returning({ id: homeInspections.id });
    if (saved.length === 0) throw new AppError('inspection.already_recorded');
    await tx
      .update(completionItems)
      .set({ done: true, doneBy: user.id, doneAt: now })
      .where(
        inOrg(
          completionItems,
          user.orgId,
          eq(completionItems.applicationId, applicationId),
          eq(completionItems.stepKey, INSPECTION_STEP),
        ),
      );
    await writeAudit(tx, user, meta, {
      action: 'inspection.recorded',
      entityType: 'application',
      entityId: applicationId,
      details: {
        before: { outcome: null },
        after: { outcome: input.outcome, located: Boolean(input.location), photo: Boolean(input.photoDocumentId) },
      },
    });
  });
}
