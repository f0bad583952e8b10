import { z } from 'zod';
import { BENEFICIARY_STATUSES, LIMITS, locationInput, mobileSchema, namePart, nationalIdSchema } from './beneficiary';
import { DELIVERY_STATUSES, deliveryOutcomeInput, INSPECTION_OUTCOMES } from './committee';
import { FIELD_PHOTO_MAX_BYTES, FIELD_PHOTOS_MAX } from './field-limits';
import { isoDate, isoDateTime } from './fields';

export { FIELD_PHOTO_MAX_BYTES, FIELD_PHOTOS_MAX, FIELD_WORKING_DAYS_AHEAD } from './field-limits';

/**
 * The field app (issue 18): what a branch representative records on a phone without a signal and sends later
 * with an Idempotency-Key. Shared by the server's checks and the phone's forms.
 */

export const FIELD_PHOTO_PURPOSES = ['delivery_proof', 'home', 'national_id', 'family_card', 'other'] as const;

/** Base64 of the photo; the bound leaves room above the size limit so an oversized photo gets its own message. */
export const fieldPhotoInput = z.strictObject({
  purpose: z.enum(FIELD_PHOTO_PURPOSES),
  data: z.base64().max(Math.ceil((FIELD_PHOTO_MAX_BYTES * 4) / 3) * 3),
});

/** The version of a delivery the phone downloaded; the server compares it with its own before writing. */
export const deliveryVersion = z.strictObject({
  status: z.enum(DELIVERY_STATUSES),
  scheduledDate: isoDate(),
  branchId: z.uuid(),
  beneficiaryStatus: z.enum(BENEFICIARY_STATUSES),
});
export type DeliveryVersion = z.infer<typeof deliveryVersion>;

export const fileVersion = z.strictObject({
  branchId: z.uuid(),
  beneficiaryStatus: z.enum(BENEFICIARY_STATUSES),
});
export type FileVersion = z.infer<typeof fileVersion>;

export const fieldDeliveryInput = z.strictObject({
  result: deliveryOutcomeInput,
  /** When the representative recorded it on the phone. */
  recordedAt: isoDateTime(),
  photo: fieldPhotoInput.optional(),
  expected: deliveryVersion,
});

export const HOUSING_CONDITIONS = ['good', 'fair', 'poor'] as const;
export const INSPECTION_RECOMMENDATIONS = ['continue', 'review', 'urgent'] as const;

export const fieldInspectionInput = z.strictObject({
  beneficiaryId: z.uuid(),
  housingCondition: z.enum(HOUSING_CONDITIONS),
  peopleAtHome: z.number().int().min(1).max(LIMITS.peopleAtHome),
  findings: z.string().trim().min(3).max(2000),
  recommendation: z.enum(INSPECTION_RECOMMENDATIONS),
  location: locationInput.optional(),
  recordedAt: isoDateTime(),
  photos: z.array(fieldPhotoInput).max(FIELD_PHOTOS_MAX),
  expected: fileVersion,
});

/** A household met in the field: enough to find them again and to start a file, which an officer completes. */
export const registrationDraftInput = z.strictObject({
  firstName: namePart,
  familyName: namePart,
  nationalId: nationalIdSchema.optional(),
  mobile: mobileSchema,
  district: z.string().trim().min(2).max(LIMITS.district),
  peopleAtHome: z.number().int().min(1).max(LIMITS.peopleAtHome),
  note: z.string().trim().max(LIMITS.note).optional(),
  /** The person agreed, after the privacy notice was read to them, that the association keeps these details. */
  consent: z.literal(true),
  location: locationInput.optional(),
  recordedAt: isoDateTime(),
  photos: z.array(fieldPhotoInput).max(FIELD_PHOTOS_MAX),
});
export type RegistrationDraftInput = z.infer<typeof registrationDraftInput>;

/** The version of a booked visit (appointment) the phone downloaded. */
export const appointmentVersion = z.strictObject({
  status: z.enum(['booked', 'held', 'no_show', 'cancelled']),
  startsAt: isoDateTime(),
  branchId: z.uuid(),
  beneficiaryStatus: z.enum(BENEFICIARY_STATUSES),
});
export type AppointmentVersion = z.infer<typeof appointmentVersion>;

/** What happened at a visit, recorded on the phone (a cancellation is the office's to record). */
export const fieldAppointmentInput = z.strictObject({
  result: z.strictObject({
    outcome: z.enum(['held', 'no_show']),
    summary: z.string().trim().min(2).max(4000).optional(),
  }),
  recordedAt: isoDateTime(),
  expected: appointmentVersion,
});

/**
 * An inspection task as the phone saw it: open (assigned to this representative, not yet recorded); the server
 * may say since then it was recorded, handed to someone else, or its application left the completing stage.
 */
export const INSPECTION_TASK_STATES = ['open', 'recorded', 'reassigned', 'closed'] as const;
export const inspectionTaskVersion = z.strictObject({
  taskStatus: z.enum(INSPECTION_TASK_STATES),
  branchId: z.uuid(),
  beneficiaryStatus: z.enum(BENEFICIARY_STATUSES),
});
export type InspectionTaskVersion = z.infer<typeof inspectionTaskVersion>;

/** The result of an assigned home inspection recorded on the phone; it completes the application's inspection step. */
export const fieldInspectionTaskInput = z.strictObject({
  result: z.strictObject({
    outcome: z.enum(INSPECTION_OUTCOMES),
    note: z.string().trim().min(3).max(1000),
    location: locationInput.optional(),
  }),
  recordedAt: isoDateTime(),
  photo: fieldPhotoInput.optional(),
  expected: inspectionTaskVersion,
});
