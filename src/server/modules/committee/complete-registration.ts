import { and, eq } from 'drizzle-orm';
import { addDays, riyadhDate } from '../../../common/dates';
import { APPOINTMENT_STEP, INSPECTION_STEP } from '../../../common/domain/committee';
import {
  applicationServices,
  applications,
  applicationTransitions,
  beneficiaries,
  beneficiaryStatusEvents,
  completionItems,
  services,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getApplication } from '../applications';
import { addMonths } from '../beneficiaries';
import { scheduleDelivery } from '../deliveries';
import { notify } from '../notifications';
import { getSettings } from '../settings';

export function listCompletion(deps: Deps, orgId: string, applicationId: string) {
  return deps.db
    .select({
      stepKey: completionItems.stepKey,
      labelAr: completionItems.labelAr,
      labelEn: completionItems.labelEn,
      done: completionItems.done,
      doneAt: completionItems.doneAt,
      doneByName: users.displayName,
    })
    .from(completionItems)
    .leftJoin(users, and(eq(users.orgId, completionItems.orgId), eq(users.id, completionItems.doneBy)))
    .where(inOrg(completionItems, orgId, eq(completionItems.applicationId, applicationId)));
}

async function loadCompleting(deps: Deps, user: SessionUser, applicationId: string) {
  const app = await getApplication(deps.db, user.orgId, applicationId);
  if (!app) throw new AppError('application.not_found');
  authorize(user, 'applications.complete', { orgId: app.orgId, branchId: app.branchId });
  if (app.stage !== 'completing') throw new AppError('committee.not_completing');
  return app;
}

export async function markCompletionStep(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  stepKey: string,
  done: boolean,
  meta: RequestMeta,
) {
  await loadCompleting(deps, user, applicationId);
  // These two are recorded with what happened (the representative's inspection, the agreed date and window).
  if (stepKey === INSPECTION_STEP) throw new AppError('committee.step_by_inspection');
  if (stepKey === APPOINTMENT_STEP) throw new AppError('committee.step_by_appointment');
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(completionItems)
      .set({ done, doneBy: done ? user.id : null, doneAt: done ? new Date() : null })
      .where(
        inOrg(
          completionItems,
          user.orgId,
          eq(completionItems.applicationId, applicationId),
          eq(completionItems.stepKey, stepKey),
        ),
      )
      .returning({ stepKey: completionItems.stepKey });
    if (rows.length === 0) throw new AppError('committee.step_not_found');
    await writeAudit(tx, user, meta, {
      action: 'application.completion_step',
      entityType: 'application',
      entityId: applicationId,
      details: { stepKey, done },
    });
  });
}

/**
 * Registration complete (completing → enrolled): every step done; the beneficiary becomes active with a
 * re-verification date, and each accepted service gets its first delivery (the next day).
 */
export async function enrolApplication(deps: Deps, user: SessionUser, applicationId: string, meta: RequestMeta) {
  const app = await loadCompleting(deps, user, applicationId);
  const steps = await listCompletion(deps, user.orgId, applicationId);
  const open = steps.filter((s) => !s.done).map((s) => s.stepKey);
  if (open.length > 0) throw new AppError('committee.completion_incomplete', { steps: open });
  const settings = await getSettings(deps.db, user.orgId);
  const today = riyadhDate(new Date());
  return deps.db.transaction(async (tx) => {
    const moved = await tx
      .update(applications)
      .set({ stage: 'enrolled', stageChangedAt: new Date() })
      .where(inOrg(applications, user.orgId, eq(applications.id, applicationId), eq(applications.stage, 'completing')))
      .returning({ id: applications.id });
    if (moved.length === 0) throw new AppError('application.stage_changed');
    await tx.insert(applicationTransitions).values({
      orgId: user.orgId,
      applicationId,
      fromStage: 'completing',
      toStage: 'enrolled',
      byUser: user.id,
      channel: app.channel,
    });
    const [b] = await tx
      .select({ status: beneficiaries.status, reverifyDue: beneficiaries.reverifyDue })
      .from(beneficiaries)
      .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, app.beneficiaryId)));
    if (b && b.status !== 'active') {
      await tx
        .update(beneficiaries)
        .set({
          status: 'active',
          reverifyDue: b.reverifyDue ?? addMonths(today, settings.reverifyMonths),
          updatedAt: new Date(),
        })
        .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, app.beneficiaryId)));
      await tx.insert(beneficiaryStatusEvents).values({
        orgId: user.orgId,
        beneficiaryId: app.beneficiaryId,
        kind: 'enrolled',
        fromStatus: b.status,
        toStatus: 'active',
        byUser: user.id,
      });
    }
    const serviceRows = await tx
      .select({ serviceId: applicationServices.serviceId })
      .from(applicationServices)
      .where(inOrg(applicationServices, user.orgId, eq(applicationServices.applicationId, applicationId)));
    const scheduled: string[] = [];
    for (const s of serviceRows) {
      const created = await scheduleDelivery(tx, {
        orgId: user.orgId,
        beneficiaryId: app.beneficiaryId,
        serviceId: s.serviceId,
        applicationId,
        // The agreed appointment when there is one still ahead, else the next day.
        scheduledDate: app.appointmentDate && app.appointmentDate > today ? app.appointmentDate : addDays(today, 1),
        ...(app.appointmentDate && app.appointmentDate > today
          ? { windowFrom: app.appointmentFrom, windowTo: app.appointmentTo }
          : {}),
        assigneeUserId: null,
        sequence: 1,
      });
      if (created) {
        const id = created.id;
        scheduled.push(id);
        const [info] = await tx
          .select({ mobile: beneficiaries.mobile, service: services.nameAr })
          .from(beneficiaries)
          .innerJoin(services, and(eq(services.orgId, beneficiaries.orgId), eq(services.id, s.serviceId)))
          .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, app.beneficiaryId)));
        await notify.deliveryScheduled(tx, {
          orgId: user.orgId,
          mobile: info!.mobile,
          deliveryId: id,
          service: info!.service,
          date: created.scheduledDate,
          window: created.windowFrom && created.windowTo ? { from: created.windowFrom, to: created.windowTo } : null,
        });
      }
    }
    await writeAudit(tx, user, meta, {
      action: 'application.enrolled',
      entityType: 'application',
      entityId: applicationId,
      details: { deliveries: scheduled.length },
    });
    return { stage: 'enrolled' as const, deliveryIds: scheduled };
  });
}
