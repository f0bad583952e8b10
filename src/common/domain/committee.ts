import { z } from 'zod';
import { addDays, riyadhDate } from '../dates';
import { channelSchema } from './channels';
import { isoDate, isoDateTime } from './fields';

/**
 * The date the applicant is told to expect the committee's answer: the day the application was raised,
 * in Riyadh (UTC+3 all year, no daylight saving), plus the committee's target days.
 */
export function expectedDecisionDate(raisedAt: Date, targetDays: number): string {
  return addDays(riyadhDate(raisedAt), targetDays);
}

export const DECISIONS = ['accepted', 'rejected', 'deferred'] as const;
export type Decision = (typeof DECISIONS)[number];
export const VOTES = ['accept', 'reject', 'defer'] as const;
export const DELIVERY_STATUSES = ['scheduled', 'delivered', 'failed', 'cancelled'] as const;

/** Stages an application can be decided from: raised to the committee, or deferred by an earlier meeting. */
export const DECIDABLE_STAGES = ['in_committee', 'deferred'] as const;

export const scheduleMeetingInput = z.strictObject({
  scheduledAt: isoDateTime(),
  location: z.string().trim().max(200).default(''),
  chairUserId: z.uuid(),
  memberIds: z.array(z.uuid()).min(1).max(50),
});

export const attendanceInput = z.strictObject({ present: z.array(z.uuid()).max(50) });

export const voteInput = z.strictObject({ vote: z.enum(VOTES), reason: z.string().trim().max(1000).optional() });

export const decisionInput = z.strictObject({
  decision: z.enum(DECISIONS),
  /** Codes from the association's configured list; required for a rejection. */
  reasonCodes: z.array(z.string().max(40)).max(10).default([]),
  note: z.string().trim().max(2000).optional(),
});

export const appealInput = z.strictObject({ reason: z.string().trim().min(5).max(2000), channel: channelSchema });

export const completionUpdateInput = z.strictObject({ done: z.boolean() });

export const deliveryOutcomeInput = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('delivered'),
    recipientName: z.string().trim().min(2).max(120),
    note: z.string().trim().max(1000).optional(),
    location: z.strictObject({ lat: z.number().min(16).max(33), lng: z.number().min(34).max(56) }).optional(),
    photoDocumentId: z.uuid().optional(),
    /** Required when recording the delivery before its scheduled day: the confirmation and its reason. */
    earlyReason: z.string().trim().min(3).max(500).optional(),
  }),
  z.strictObject({
    outcome: z.literal('failed'),
    reason: z.string().trim().min(3).max(500),
    rescheduleTo: isoDate().optional(),
  }),
]);

/** A recorded correction of a delivery's outcome: the reason is mandatory, and at least one value must change. */
export const deliveryCorrectionInput = z.strictObject({
  reason: z.string().trim().min(5).max(500),
  outcome: z.enum(['delivered', 'failed']).optional(),
  /** The Riyadh day it actually happened. */
  completedOn: isoDate().optional(),
  recipientName: z.string().trim().min(2).max(120).optional(),
  failureReason: z.string().trim().min(3).max(500).optional(),
});

/** A recorded correction of "registration complete": the day it was actually completed, with a reason. */
export const registrationCorrectionInput = z.strictObject({
  reason: z.string().trim().min(5).max(500),
  completedOn: isoDate(),
});

export const assignDeliveryInput = z.strictObject({
  assigneeUserId: z.uuid().nullable().optional(),
  scheduledDate: isoDate().optional(),
});

/** The completion step a branch representative's home inspection stands for; the officer cannot tick it. */
export const INSPECTION_STEP = 'site_visit';
/** The completion step the agreed appointment (a date and a time window) stands for. */
export const APPOINTMENT_STEP = 'schedule_agreed';

export const INSPECTION_OUTCOMES = ['suitable', 'unsuitable'] as const;

export const assignInspectionInput = z.strictObject({ assigneeUserId: z.uuid() });

export const inspectionResultInput = z.strictObject({
  outcome: z.enum(INSPECTION_OUTCOMES),
  note: z.string().trim().min(3).max(1000),
  location: z.strictObject({ lat: z.number().min(16).max(33), lng: z.number().min(34).max(56) }).optional(),
  photoDocumentId: z.uuid().optional(),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'field.time' });

/** The time windows offered on screen; the API takes any from–to on one day. */
export const APPOINTMENT_WINDOWS = {
  morning: { from: '08:00', to: '12:00' },
  afternoon: { from: '12:00', to: '16:00' },
  evening: { from: '16:00', to: '20:00' },
} as const;

export const appointmentInput = z
  .strictObject({ date: isoDate(), from: clock, to: clock })
  .refine((v) => v.from < v.to, { message: 'field.window_order', path: ['to'] });
