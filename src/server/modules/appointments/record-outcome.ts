import { and, eq } from 'drizzle-orm';
import { appointments } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { recordInteraction } from '../timeline';

export type AppointmentOutcome = { outcome: 'held' | 'no_show' | 'cancelled'; summary?: string };

/** The booked appointment with what the field app compares against (its slot's branch and time). */
export async function findAppointment(deps: Deps, orgId: string, id: string) {
  const [row] = await deps.db
    .select()
    .from(appointments)
    .where(inOrg(appointments, orgId, eq(appointments.id, id)));
  return row;
}

/**
 * What happened at a booked visit: held (with a summary, recorded as a meeting contact on the file), no-show or
 * cancelled. Only a booked appointment takes an outcome, once; the same rules at the office and from the field.
 */
export async function recordAppointmentOutcome(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: AppointmentOutcome,
  meta: RequestMeta,
) {
  const a = await findAppointment(deps, user.orgId, id);
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
    const saved = await tx
      .update(appointments)
      .set({ status: input.outcome, interactionId })
      .where(and(inOrg(appointments, user.orgId, eq(appointments.id, a.id)), eq(appointments.status, 'booked')))
      .returning({ id: appointments.id });
    // Someone recorded it in the same moment: nothing of this one is kept.
    if (saved.length === 0) throw new AppError('appointment.not_booked');
    await writeAudit(tx, user, meta, {
      action: `appointment.${input.outcome}`,
      entityType: 'appointment',
      entityId: a.id,
    });
  });
}
