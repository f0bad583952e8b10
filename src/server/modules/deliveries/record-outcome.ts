import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, riyadhDate } from '../../../common/dates';
import type { assignDeliveryInput, deliveryOutcomeInput } from '../../../common/domain/committee';
import { applications, beneficiaries, deliveries, documents, services, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { emitEvent } from '../integrations';
import { inviteToSurvey } from '../surveys';
import { notifyStaff } from '../work';
import { getDelivery } from './queries';
import { scheduleDelivery, workingDateFor } from './schedule';

async function loadFor(deps: Deps, user: SessionUser, id: string, action: 'deliveries.manage' | 'deliveries.assign') {
  const row = await getDelivery(deps.db, user.orgId, id);
  if (!row) throw new AppError('delivery.not_found');
  authorize(user, action, { orgId: row.orgId, branchId: row.branchId });
  return row;
}

/** Delivered at the beneficiary's location (time, pin, recipient, note, photo) or failed with a reason. */
export async function recordDeliveryOutcome(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof deliveryOutcomeInput>,
  meta: RequestMeta,
) {
  const delivery = await loadFor(deps, user, id, 'deliveries.manage');
  if (delivery.status !== 'scheduled') throw new AppError('delivery.not_scheduled');
  if (input.outcome === 'delivered' && input.photoDocumentId) {
    const [doc] = await deps.db
      .select({ beneficiaryId: documents.beneficiaryId })
      .from(documents)
      .where(inOrg(documents, user.orgId, eq(documents.id, input.photoDocumentId)));
    if (!doc || doc.beneficiaryId !== delivery.beneficiaryId) throw new AppError('document.not_found');
  }
  if (input.outcome === 'failed' && input.rescheduleTo && input.rescheduleTo < riyadhDate(new Date())) {
    throw new AppError('delivery.reschedule_past');
  }
  if (input.outcome === 'failed' && input.rescheduleTo) {
    await workingDateFor(deps.db, user.orgId, input.rescheduleTo, 'refuse');
  }
  // Delivered before the day it was planned for: only when the person confirms it and says why.
  const today = riyadhDate(new Date());
  const early = input.outcome === 'delivered' && delivery.scheduledDate > today;
  if (early && !input.earlyReason) {
    throw new AppError('delivery.early_reason_required', { scheduledDate: delivery.scheduledDate });
  }
  const [service] = await deps.db
    .select({ recurringDays: services.recurringDays })
    .from(services)
    .where(eq(services.id, delivery.serviceId));
  return deps.db.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx
      .update(deliveries)
      .set(
        input.outcome === 'delivered'
          ? {
              status: 'delivered',
              completedAt: now,
              completedBy: user.id,
              recipientName: input.recipientName,
              note: input.note ?? null,
              lat: input.location?.lat ?? null,
              lng: input.location?.lng ?? null,
              photoDocumentId: input.photoDocumentId ?? null,
            }
          : { status: 'failed', completedAt: now, completedBy: user.id, failureReason: input.reason },
      )
      .where(and(eq(deliveries.id, id), eq(deliveries.status, 'scheduled')))
      .returning({ id: deliveries.id });
    if (changed.length === 0) throw new AppError('delivery.not_scheduled');
    let nextId: string | null = null;
    const base = {
      orgId: user.orgId,
      beneficiaryId: delivery.beneficiaryId,
      serviceId: delivery.serviceId,
      applicationId: delivery.applicationId,
      assigneeUserId: delivery.assigneeUserId,
    };
    if (input.outcome === 'delivered') {
      const [info] = await tx
        .select({ mobile: beneficiaries.mobile, channel: applications.channel })
        .from(beneficiaries)
        .leftJoin(
          applications,
          and(eq(applications.orgId, beneficiaries.orgId), eq(applications.id, sql`${delivery.applicationId}`)),
        )
        .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, delivery.beneficiaryId)));
      await inviteToSurvey(tx, {
        orgId: user.orgId,
        trigger: 'delivery_done',
        entityId: id,
        beneficiaryId: delivery.beneficiaryId,
        mobile: info?.mobile ?? null,
        serviceId: delivery.serviceId,
        channel: info?.channel ?? 'branch_rep',
        branchId: delivery.branchId,
        ownerUserId: null,
        publicUrl: deps.config.publicUrl,
      });
    }
    if (input.outcome === 'delivered' && service?.recurringDays) {
      // A recurring service: the next delivery is due one interval after this one was planned.
      nextId =
        (
          await scheduleDelivery(tx, {
            ...base,
            // One interval after the day it was actually delivered when that was early, else after the planned day.
            scheduledDate: addDays(early ? today : delivery.scheduledDate, service.recurringDays),
            sequence: delivery.sequence + 1,
          })
        )?.id ?? null;
    }
    if (input.outcome === 'failed' && input.rescheduleTo) {
      nextId =
        (
          await scheduleDelivery(
            tx,
            { ...base, scheduledDate: input.rescheduleTo, sequence: delivery.sequence },
            'refuse',
          )
        )?.id ?? null;
    }
    await writeAudit(tx, user, meta, {
      action: `delivery.${input.outcome}`,
      entityType: 'delivery',
      entityId: id,
      details: {
        nextId,
        ...(early ? { early: true, scheduledDate: delivery.scheduledDate, earlyReason: input.earlyReason } : {}),
      },
    });
    await emitEvent(
      tx,
      user.orgId,
      input.outcome === 'delivered' ? 'delivery.done' : 'delivery.failed',
      { type: 'delivery', id },
      {
        deliveryId: id,
        beneficiaryId: delivery.beneficiaryId,
        serviceId: delivery.serviceId,
        branchId: delivery.branchId,
        nextDeliveryId: nextId,
      },
    );
    return { status: input.outcome, nextDeliveryId: nextId };
  });
}

/** The execution officer assigns a delivery to themself or a branch representative, or moves its date. */
export async function assignDelivery(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof assignDeliveryInput>,
  meta: RequestMeta,
) {
  const delivery = await loadFor(deps, user, id, 'deliveries.assign');
  if (delivery.status !== 'scheduled') throw new AppError('delivery.not_scheduled');
  if (input.scheduledDate) await workingDateFor(deps.db, user.orgId, input.scheduledDate, 'refuse');
  if (input.assigneeUserId) {
    const [assignee] = await deps.db
      .select({ role: users.role, branchId: users.branchId, disabled: users.disabled })
      .from(users)
      .where(inOrg(users, user.orgId, eq(users.id, input.assigneeUserId)));
    const fits =
      assignee &&
      !assignee.disabled &&
      (assignee.role === 'execution_officer' ||
        (assignee.role === 'branch_rep' && assignee.branchId === delivery.branchId));
    if (!fits) throw new AppError('delivery.bad_assignee');
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({
        ...(input.assigneeUserId !== undefined ? { assigneeUserId: input.assigneeUserId } : {}),
        ...(input.scheduledDate ? { scheduledDate: input.scheduledDate } : {}),
      })
      .where(inOrg(deliveries, user.orgId, eq(deliveries.id, id)));
    if (input.assigneeUserId && input.assigneeUserId !== delivery.assigneeUserId) {
      await notifyStaff(tx, {
        orgId: user.orgId,
        userId: input.assigneeUserId,
        actorUserId: user.id,
        kind: 'delivery_assigned',
        entityType: 'delivery',
        entityId: id,
        reference: input.scheduledDate ?? delivery.scheduledDate,
      });
    }
    await writeAudit(tx, user, meta, {
      action: 'delivery.assigned',
      entityType: 'delivery',
      entityId: id,
      details: {
        before: { assigneeUserId: delivery.assigneeUserId, scheduledDate: delivery.scheduledDate },
        after: input,
      },
    });
  });
}
