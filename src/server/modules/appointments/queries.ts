import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appointmentSlots, appointments, beneficiaries } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export function insertSlots(db: Db, rows: (typeof appointmentSlots.$inferInsert)[]) {
  return db.insert(appointmentSlots).values(rows);
}

export async function getSlot(db: Db, orgId: string, id: string) {
  const [slot] = await db
    .select()
    .from(appointmentSlots)
    .where(inOrg(appointmentSlots, orgId, eq(appointmentSlots.id, id)));
  return slot;
}

/** Slots starting between two instants, earliest first, of one branch or of all. */
export function listSlots(db: Db, orgId: string, f: { branchId?: string; from: Date; to: Date }) {
  return db
    .select()
    .from(appointmentSlots)
    .where(
      inOrg(
        appointmentSlots,
        orgId,
        f.branchId ? eq(appointmentSlots.branchId, f.branchId) : undefined,
        gte(appointmentSlots.startsAt, f.from),
        lte(appointmentSlots.startsAt, f.to),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt))
    .limit(500);
}

/** The live bookings (booked or held) of these slots, with the beneficiary's name parts. */
export function liveBookingsOf(db: Db, slotIds: string[]) {
  return db
    .select({
      slotId: appointments.slotId,
      id: appointments.id,
      status: appointments.status,
      purpose: appointments.purpose,
      beneficiaryId: appointments.beneficiaryId,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
    })
    .from(appointments)
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, appointments.orgId), eq(beneficiaries.id, appointments.beneficiaryId)),
    )
    .where(and(inArray(appointments.slotId, slotIds), inArray(appointments.status, ['booked', 'held'])));
}

export async function getAppointment(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(inOrg(appointments, orgId, eq(appointments.id, id)));
  return row;
}

export async function insertAppointment(db: Db, values: typeof appointments.$inferInsert) {
  const [row] = await db.insert(appointments).values(values).returning({ id: appointments.id });
  return row!.id;
}

/** Closes a booking with its outcome, only while it is still booked. */
/** Closes a booking only while it is still booked; answers false when someone closed it in the same moment. */
export async function closeBooking(db: Db, orgId: string, id: string, status: string, interactionId: string | null) {
  const saved = await db
    .update(appointments)
    .set({ status, interactionId })
    .where(and(inOrg(appointments, orgId, eq(appointments.id, id)), eq(appointments.status, 'booked')))
    .returning({ id: appointments.id });
  return saved.length > 0;
}
