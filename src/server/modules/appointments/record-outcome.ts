import type { z } from 'zod';
import type { appointmentOutcomeInput } from '../../../common/api/appointments';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { recordInteraction } from '../timeline';
import { closeBooking, getAppointment } from './queries';

type AppointmentOutcomeInput = z.infer<typeof appointmentOutcomeInput>;

/** Closes a booking: a held visit needs a summary and becomes a meeting contact on the beneficiary's timeline. */
export async function recordAppointmentOutcome(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: AppointmentOutcomeInput,
  meta: RequestMeta,
) {
  const a = await getAppointment(deps.db, user.orgId, id);
  if (!a) throw new AppError('appointment.not_found');
  await loadBeneficiaryFor(deps, user, a.beneficiaryId, 'beneficiaries.write');
  if (a.status !== 'booked') throw new AppError('appointment.not_booked');
  if (input.outcome === 'held' && !input.summary) throw new AppError('appointment.summary_required');
  await deps.db.transaction(async (tx) => {
    let interactionId: string | null = null;
    if (input.outcome === 'held') {
      interactionId = await recordInteraction(tx, {
        orgId: user.orgId,
        channel: 'meeting',
        direction: 'inbound',
        userId: user.id,
        summary: `${a.purpose}: ${input.summary}`,
        beneficiaryId: a.beneficiaryId,
      });
    }
    await closeBooking(tx, a.id, input.outcome, interactionId);
    await writeAudit(tx, user, meta, {
      action: `appointment.${input.outcome}`,
      entityType: 'appointment',
      entityId: a.id,
    });
  });
}
