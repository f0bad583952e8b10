import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { loadBeneficiaryFor } from '../beneficiaries';
import { getSlot, insertAppointment } from './queries';

/**
 * Books a beneficiary into a free slot. The user must be allowed to write the file and to manage the slot's
 * branch: a branch representative books only their own branch's files into their own branch's slots.
 */
export async function bookAppointment(
  deps: Deps,
  user: SessionUser,
  input: { slotId: string; beneficiaryId: string; purpose: string },
  meta: RequestMeta,
): Promise<string> {
  await loadBeneficiaryFor(deps, user, input.beneficiaryId, 'beneficiaries.write');
  const slot = await getSlot(deps.db, user.orgId, input.slotId);
  if (!slot) throw new AppError('appointment.slot_not_found');
  authorize(user, 'appointments.manage', { orgId: slot.orgId, branchId: slot.branchId });
  if (slot.startsAt < new Date()) throw new AppError('appointment.slot_past');
  try {
    return await deps.db.transaction(async (tx) => {
      const id = await insertAppointment(tx, {
        orgId: user.orgId,
        slotId: slot.id,
        beneficiaryId: input.beneficiaryId,
        purpose: input.purpose,
        bookedBy: user.id,
      });
      await writeAudit(tx, user, meta, { action: 'appointment.booked', entityType: 'appointment', entityId: id });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'appointments_live_slot_uq')) throw new AppError('appointment.slot_taken');
    throw error;
  }
}
