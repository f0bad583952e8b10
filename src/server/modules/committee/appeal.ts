import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, riyadhDate } from '../../../common/dates';
import { type appealInput, expectedDecisionDate } from '../../../common/domain/committee';
import { appeals, applications, applicationTransitions } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getApplication } from '../applications';
import { getSettings } from '../settings';
import { lastDecision } from './queries';

/**
 * An appeal (تظلم) against a rejection, within the configured window: the application goes back to the
 * committee, marked as an appeal on the next agenda. One appeal per application, so it is decided once.
 */
export async function fileAppeal(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  input: z.infer<typeof appealInput>,
  meta: RequestMeta,
) {
  const app = await getApplication(deps.db, user.orgId, applicationId);
  if (!app) throw new AppError('application.not_found');
  authorize(user, 'applications.appeal', { orgId: app.orgId, branchId: app.branchId });
  if (app.stage !== 'rejected') throw new AppError('committee.appeal_not_rejected');
  const [existing] = await deps.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(inOrg(appeals, user.orgId, eq(appeals.applicationId, applicationId)));
  if (existing) throw new AppError('committee.appeal_exists');
  const settings = await getSettings(deps.db, user.orgId);
  const decision = await lastDecision(deps.db, user.orgId, applicationId);
  const today = riyadhDate(new Date());
  const decidedOn = decision?.decidedAt ? riyadhDate(decision.decidedAt) : today;
  if (today > addDays(decidedOn, settings.appealWindowDays)) throw new AppError('committee.appeal_window_closed');

  await deps.db.transaction(async (tx) => {
    await tx
      .insert(appeals)
      .values({ orgId: user.orgId, applicationId, reason: input.reason, channel: input.channel, filedBy: user.id });
    const moved = await tx
      .update(applications)
      .set({
        stage: 'in_committee',
        stageChangedAt: new Date(),
        raisedAt: new Date(),
        expectedDecisionDate: expectedDecisionDate(new Date(), settings.committeeTargetDays),
      })
      .where(
        inOrg(applications, user.orgId, and(eq(applications.id, applicationId), eq(applications.stage, 'rejected'))),
      )
      .returning({ id: applications.id });
    if (moved.length === 0) throw new AppError('application.stage_changed');
    await tx.insert(applicationTransitions).values({
      orgId: user.orgId,
      applicationId,
      fromStage: 'rejected',
      toStage: 'in_committee',
      byUser: user.id,
      channel: input.channel,
      note: `تظلم: ${input.reason}`,
    });
    await writeAudit(tx, user, meta, {
      action: 'application.appeal',
      entityType: 'application',
      entityId: applicationId,
    });
  });
}
