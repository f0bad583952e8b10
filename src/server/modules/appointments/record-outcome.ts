import type { z } from 'zod';
import type { appointmentOutcomeInput } from '../../../common/api/appointments';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { recordInteraction } from '../timeline';
import { closeBooking, getAppointment } from './queries';

type AppointmentOutcomeInput = z.infer<typeof appointmentOutcomeInput>;
export type AppointmentOutcome = AppointmentOutcomeInput;

/** The booked appointment with what the field app compares against (its slot's branch and time). */
export function findAppointment(deps: Deps, orgId: string, id: string) {
  return getAppointment(deps.db, orgId, id);
}

/**
 * What happened at a booked visit: held (with a summary, recorded as a meeting contact on the file), no-show or
 * cancelled. Only a booked appointment takes an outcome, once; the same rules at the office and from the field.
 */
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
    // Someone recorded it in the same moment: nothing of this one is kept.
    if (!(await closeBooking(tx, user.orgId, a.id, input.outcome, interactionId)))
      throw new AppError('appointment.not_booked');
    await writeAudit(tx, user, meta, {
      action: `appointment.${input.outcome}`,
      entityType: 'appointment',
      entityId: a.id,
    });
  });
}
