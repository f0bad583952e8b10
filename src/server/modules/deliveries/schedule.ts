import { and, eq } from 'drizzle-orm';
import { isWorkingDate, nextWorkingDate } from '../../../common/domain/sla';
import type { Db } from '../../db/client';
import { beneficiaries, deliveries } from '../../db/tables/index';
import { AppError } from '../../errors';
import { getSettings } from '../settings';

/**
 * Deliveries happen on the association's working days (settings: work days, public holidays). A date a person
 * chose is refused when it is not one; a date the system computed (enrolment, the next recurring delivery) moves
 * to the next working day.
 */
export async function workingDateFor(
  db: Db,
  orgId: string,
  date: string,
  onNonWorking: 'refuse' | 'move',
): Promise<string> {
  const settings = await getSettings(db, orgId);
  const calendar = { workDays: settings.workDays, holidays: settings.publicHolidays };
  if (isWorkingDate(date, calendar)) return date;
  if (onNonWorking === 'refuse') throw new AppError('delivery.non_working_day', { date });
  return nextWorkingDate(date, calendar);
}

/**
 * The one way a delivery is created: only for an active beneficiary (a suspended or closed file gets no new
 * deliveries), and only on a working day (see `workingDateFor`). Returns the new delivery and its date.
 */
export async function scheduleDelivery(
  db: Db,
  values: {
    orgId: string;
    beneficiaryId: string;
    serviceId: string;
    applicationId: string | null;
    scheduledDate: string;
    assigneeUserId: string | null;
    sequence: number;
    /** The time window agreed with the beneficiary ('HH:MM'), when there is one. */
    windowFrom?: string | null;
    windowTo?: string | null;
  },
  onNonWorking: 'refuse' | 'move' = 'move',
): Promise<{ id: string; scheduledDate: string; windowFrom: string | null; windowTo: string | null } | null> {
  const [b] = await db
    .select({ status: beneficiaries.status, branchId: beneficiaries.branchId })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.id, values.beneficiaryId), eq(beneficiaries.orgId, values.orgId)));
  if (!b) throw new AppError('beneficiary.not_found');
  if (b.status !== 'active') return null;
  const scheduledDate = await workingDateFor(db, values.orgId, values.scheduledDate, onNonWorking);
  const [row] = await db
    .insert(deliveries)
    .values({ ...values, scheduledDate, branchId: b.branchId, status: 'scheduled' })
    .returning({ id: deliveries.id });
  return { id: row!.id, scheduledDate, windowFrom: values.windowFrom ?? null, windowTo: values.windowTo ?? null };
}
