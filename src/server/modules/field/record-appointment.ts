import type { z } from 'zod';
import type { AppointmentVersion, fieldAppointmentInput } from '../../../common/domain/field';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { findAppointment, recordAppointmentOutcome } from '../appointments';
import { checkVersion } from './conflicts';
import { getFileVersion, getSlot } from './queries';

/**
 * A visit's outcome (held with a summary, or no-show) recorded on the phone: checked against the version the
 * phone had (a visit cancelled, moved to another time or already recorded is held for review), then written by
 * the appointments module's own use case, as at the office.
 */
export async function recordFieldAppointment(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof fieldAppointmentInput>,
  meta: RequestMeta,
) {
  authorize(user, 'field.work');
  const appointment = await findAppointment(deps, user.orgId, id);
  if (!appointment) throw new AppError('appointment.not_found');
  const [file, slot] = await Promise.all([
    getFileVersion(deps.db, user.orgId, appointment.beneficiaryId),
    getSlot(deps.db, user.orgId, appointment.slotId),
  ]);
  if (!file || !slot) throw new AppError('appointment.not_found');
  checkVersion(
    user,
    {
      orgId: appointment.orgId,
      status: appointment.status as AppointmentVersion['status'],
      startsAt: slot.startsAt.toISOString(),
      branchId: file.branchId,
      beneficiaryStatus: file.beneficiaryStatus as AppointmentVersion['beneficiaryStatus'],
    },
    input.expected,
    'appointments.manage',
    appointment.status === 'booked',
  );
  await recordAppointmentOutcome(deps, user, id, input.result, meta);
  await writeAudit(deps.db, user, meta, {
    action: 'appointment.recorded_in_field',
    entityType: 'appointment',
    entityId: id,
    details: { outcome: input.result.outcome, recordedAt: input.recordedAt },
  });
  return { status: input.result.outcome };
}
