// The contract of the appointments API (decision 032): the server validates and shapes with these schemas, the
// web takes its types from them.
import { z } from 'zod';
import { isoDate, isoDateTime } from '../domain/fields';

export const publishSlotsInput = z.strictObject({
  branchId: z.uuid(),
  slots: z
    .array(z.strictObject({ startsAt: isoDateTime(), minutes: z.number().int().min(5).max(240) }))
    .min(1)
    .max(100),
});
export type PublishSlotsRequest = z.input<typeof publishSlotsInput>;

export const slotsQuery = z.strictObject({ branchId: z.uuid().optional(), from: isoDate(), to: isoDate() });

export const slotSchema = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The live booking (booked or held); null when the slot is free (or its booking was cancelled / missed). */
  appointment: z
    .object({
      id: z.uuid(),
      status: z.string(),
      purpose: z.string(),
      beneficiaryId: z.uuid(),
      beneficiaryName: z.string(),
    })
    .nullable(),
});
export type Slot = z.infer<typeof slotSchema>;
export const slotListSchema = z.object({ items: z.array(slotSchema) });

export const bookAppointmentInput = z.strictObject({
  slotId: z.uuid(),
  beneficiaryId: z.uuid(),
  purpose: z.string().trim().min(3).max(500),
});
export type BookRequest = z.input<typeof bookAppointmentInput>;

export const APPOINTMENT_OUTCOMES = ['held', 'no_show', 'cancelled'] as const;
export const appointmentOutcomeInput = z.strictObject({
  outcome: z.enum(APPOINTMENT_OUTCOMES),
  summary: z.string().trim().min(2).max(4000).optional(),
});
export type AppointmentOutcomeRequest = z.input<typeof appointmentOutcomeInput>;
