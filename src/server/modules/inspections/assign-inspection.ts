import { eq } from 'drizzle-orm';
import { INSPECTION_STEP } from '../../../common/domain/committee';
import { completionItems, homeInspections, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getApplication } from '../applications';
import { beforeAfter } from '../audit';
import { notifyStaff } from '../work/index';
import { findInspection } from './queries';

/** An accepted application whose services need the home inspection, as the caller may act on it. */
export async function loadInspectable(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  action: 'inspections.assign' | 'inspections.record',
) {
  const app = await getApplication(deps.db, user.orgId, applicationId);
  if (!app) throw new AppError('application.not_found');
  authorize(user, action, { orgId: app.orgId, branchId: app.branchId });
  if (app.stage !== 'completing') throw new AppError('committee.not_completing');
  const [step] = await deps.db
    .select({ stepKey: completionItems.stepKey })
    .from(completionItems)
    .where(
      inOrg(
        completionItems,
        user.orgId,
        eq(completionItems.applicationId, applicationId),
        eq(completionItems.stepKey, INSPECTION_STEP),
      ),
    );
  if (!step) throw new AppError('inspection.no_step');
  return app;
}

/**
 * Policy step 6: the officer hands the home inspection to a branch representative of the file's branch (or
 * hands it to another before it is recorded). The representative is told and finds it in their My work.
 */
export async function assignInspection(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  assigneeUserId: string,
  meta: RequestMeta,
) {
  const app = await loadInspectable(deps, user, applicationId, 'inspections.assign');
  const [assignee] = await deps.db
    .select({ role: users.role, branchId: users.branchId, disabled: users.disabled })
    .from(users)
    .where(inOrg(users, user.orgId, eq(users.id, assigneeUserId)));
  const fits =
    assignee &&
    !assignee.disabled &&
    ((assignee.role === 'branch_rep' && assignee.branchId === app.branchId) || assignee.role === 'execution_officer');
  if (!fits) throw new AppError('inspection.bad_assignee');
  const current = await findInspection(deps.db, user.orgId, applicationId);
  if (current?.recordedAt) throw new AppError('inspection.already_recorded');
  if (current?.assigneeUserId === assigneeUserId) return;
  await deps.db.transaction(async (tx) => {
    if (current) {
      await tx
        .update(homeInspections)
        .set({ assigneeUserId, assignedBy: user.id, assignedAt: new Date() })
        .where(inOrg(homeInspections, user.orgId, eq(homeInspections.id, current.id)));
    } else {
      await tx.insert(homeInspections).values({
        orgId: user.orgId,
        applicationId,
        branchId: app.branchId,
        assigneeUserId,
        assignedBy: user.id,
      });
    }
    await writeAudit(tx, user, meta, {
      action: 'inspection.assigned',
      entityType: 'application',
      entityId: applicationId,
      details: beforeAfter({ assigneeUserId: current?.assigneeUserId ?? null }, { assigneeUserId }),
    });
    await notifyStaff(tx, {
      orgId: user.orgId,
      userId: assigneeUserId,
      actorUserId: user.id,
      kind: 'inspection_assigned',
      entityType: 'application',
      entityId: applicationId,
      reference: app.reference,
    });
  });
}
