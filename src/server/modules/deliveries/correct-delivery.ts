import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, riyadhDate } from '../../../common/dates';
import type { deliveryCorrectionInput } from '../../../common/domain/committee';
import { deliveries } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { assertMayCorrect, beforeAfter, hasChanges, recordCorrection } from '../audit';
import { getDelivery } from './queries';

/**
 * Corrects a recorded delivery outcome (delivered or failed): the delivery row takes the corrected values, so the
 * KPIs and the evidence report count them, and a correction row keeps the values before, the reason and who.
 */
export async function correctDelivery(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof deliveryCorrectionInput>,
  meta: RequestMeta,
) {
  const delivery = await getDelivery(deps.db, user.orgId, id);
  if (!delivery) throw new AppError('delivery.not_found');
  authorize(user, 'deliveries.correct', { orgId: delivery.orgId, branchId: delivery.branchId });
  if (delivery.status !== 'delivered' && delivery.status !== 'failed') throw new AppError('correction.not_recorded');
  assertMayCorrect(user, delivery.completedBy);

  const outcome = input.outcome ?? delivery.status;
  const completedAt = delivery.completedAt!;
  const current = {
    outcome: delivery.status,
    completedOn: riyadhDate(completedAt),
    recipientName: delivery.recipientName,
    failureReason: delivery.failureReason,
  };
  const next = {
    outcome,
    completedOn: input.completedOn ?? current.completedOn,
    recipientName: outcome === 'delivered' ? (input.recipientName ?? delivery.recipientName) : null,
    failureReason: outcome === 'failed' ? (input.failureReason ?? delivery.failureReason) : null,
  };
  if (outcome === 'failed' && !next.failureReason) throw new AppError('correction.failure_reason_required');
  if (outcome === 'delivered' && !next.recipientName) throw new AppError('correction.recipient_required');
  // Not in the future, and not more than a year before it was scheduled (a typo in the year, not a real day).
  if (next.completedOn > riyadhDate(new Date()) || next.completedOn < addDays(delivery.scheduledDate, -365)) {
    throw new AppError('correction.date_out_of_range');
  }
  const diff = beforeAfter(current, next);
  if (!hasChanges(diff)) throw new AppError('correction.nothing_to_correct');

  // A moved day keeps the time of day it was recorded at (Riyadh is UTC+3 all year).
  const time = new Date(completedAt.getTime() + 3 * 3600_000).toISOString().slice(11, 23);
  const newCompletedAt =
    next.completedOn === current.completedOn ? completedAt : new Date(`${next.completedOn}T${time}+03:00`);
  return deps.db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({
        status: next.outcome,
        completedAt: newCompletedAt,
        recipientName: next.recipientName,
        failureReason: next.failureReason,
      })
      .where(inOrg(deliveries, user.orgId, eq(deliveries.id, id)));
    return recordCorrection(tx, user, meta, {
      subject: 'delivery',
      deliveryId: id,
      applicationId: delivery.applicationId,
      diff,
      reason: input.reason,
      audit: { action: 'delivery.corrected', entityType: 'delivery', entityId: id },
    });
  });
}
