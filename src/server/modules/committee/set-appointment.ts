import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { APPOINTMENT_STEP, type appointmentInput } from '../../../common/domain/committee';
import { applications, completionItems } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getApplication } from '../applications';
import { beforeAfter, hasChanges } from '../audit';
import { workingDateFor } from '../deliveries';

/**
 * The delivery appointment agreed with the beneficiary while completing the registration: a working day and a
 * time window, stored (the first delivery is scheduled on it) and ticking the "appointment agreed" step.
 */
export async function setAppointment(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  input: z.infer<typeof appointmentInput>,
  meta: RequestMeta,
) {
  const app = await getApplication(deps.db, user.orgId, applicationId);
  if (!app) throw new AppError('application.not_found');
  authorize(user, 'applications.complete', { orgId: app.orgId, branchId: app.branchId });
  if (app.stage !== 'completing') throw new AppError('committee.not_completing');
  if (input.date < riyadhDate(new Date())) throw new AppError('appointment.past', { date: input.date });
  await workingDateFor(deps.db, user.orgId, input.date, 'refuse');
  const diff = beforeAfter(
    { date: app.appointmentDate, from: app.appointmentFrom, to: app.appointmentTo },
    { date: input.date, from: input.from, to: input.to },
  );
  if (!hasChanges(diff)) return;
  await deps.db.transaction(async (tx) => {
    await tx
      .update(applications)
      .set({ appointmentDate: input.date, appointmentFrom: input.from, appointmentTo: input.to })
      .where(inOrg(applications, user.orgId, eq(applications.id, applicationId)));
    await tx
      .update(completionItems)
      .set({ done: true, doneBy: user.id, doneAt: new Date() })
      .where(
        inOrg(
          completionItems,
          user.orgId,
          eq(completionItems.applicationId, applicationId),
          eq(completionItems.stepKey, APPOINTMENT_STEP),
        ),
      );
    await writeAudit(tx, user, meta, {
      action: 'application.appointment_set',
      entityType: 'application',
      entityId: applicationId,
      details: diff,
    });
  });
}
