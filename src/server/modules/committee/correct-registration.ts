import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import type { registrationCorrectionInput } from '../../../common/domain/committee';
import { applications, applicationTransitions } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getApplication } from '../applications';
import { assertMayCorrect, beforeAfter, hasChanges, recordCorrection } from '../audit';

/**
 * Corrects the day "registration complete" was recorded on (the enrolment transition and the stage's date), with a
 * mandatory reason kept in a correction row; nothing else about the enrolment changes.
 */
export async function correctRegistration(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  input: z.infer<typeof registrationCorrectionInput>,
  meta: RequestMeta,
) {
  const app = await getApplication(deps.db, user.orgId, applicationId);
  if (!app) throw new AppError('application.not_found');
  authorize(user, 'applications.correct_completion', { orgId: app.orgId, branchId: app.branchId });
  const transitions = await deps.db
    .select({
      id: applicationTransitions.id,
      toStage: applicationTransitions.toStage,
      at: applicationTransitions.at,
      byUser: applicationTransitions.byUser,
    })
    .from(applicationTransitions)
    .where(inOrg(applicationTransitions, user.orgId, eq(applicationTransitions.applicationId, applicationId)))
    .orderBy(desc(applicationTransitions.at));
  const enrolled = transitions.find((t) => t.toStage === 'enrolled');
  if (app.stage !== 'enrolled' || !enrolled) throw new AppError('correction.not_recorded');
  assertMayCorrect(user, enrolled.byUser);
  const started = transitions.find((t) => t.toStage === 'completing');
  if (input.completedOn > riyadhDate(new Date()) || (started && input.completedOn < riyadhDate(started.at))) {
    throw new AppError('correction.date_out_of_range');
  }
  const diff = beforeAfter({ completedOn: riyadhDate(enrolled.at) }, { completedOn: input.completedOn });
  if (!hasChanges(diff)) throw new AppError('correction.nothing_to_correct');
  // The time of day it was recorded at stays; only the day moves (Riyadh is UTC+3 all year).
  const time = new Date(enrolled.at.getTime() + 3 * 3600_000).toISOString().slice(11, 23);
  const at = new Date(`${input.completedOn}T${time}+03:00`);
  return deps.db.transaction(async (tx) => {
    await tx
      .update(applicationTransitions)
      .set({ at })
      .where(inOrg(applicationTransitions, user.orgId, eq(applicationTransitions.id, enrolled.id)));
    await tx
      .update(applications)
      .set({ stageChangedAt: at })
      .where(inOrg(applications, user.orgId, eq(applications.id, applicationId), eq(applications.stage, 'enrolled')));
    return recordCorrection(tx, user, meta, {
      subject: 'registration',
      applicationId,
      diff,
      reason: input.reason,
      audit: { action: 'application.completion_corrected', entityType: 'application', entityId: applicationId },
    });
  });
}
