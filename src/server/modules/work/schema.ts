import { z } from 'zod';

/** The kinds of work My work groups by, in the order they are shown. */
export const WORK_KINDS = [
  'referrals_received',
  'referrals_sent',
  'applications_to_verify',
  'applications_returned',
  'applications_to_raise',
  'applications_in_committee',
  'committee_meetings',
  'applications_completing',
  'inspections_mine',
  'field_drafts',
  'deliveries_mine',
  'deliveries_unassigned',
  'cases_mine',
  'cases_at_risk',
  'tasks',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const workItem = z.object({
  entityType: z.string(),
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.string(),
  since: z.string(),
  dueAt: z.string().nullable(),
  detail: z.string().nullable(),
});

/**
 * Counts stop here (shown as "99+"): a list reads at most this many rows plus one, so My work stays cheap however
 * long a queue grows (decision 033).
 */
export const WORK_COUNT_CAP = 99;

export const workResponse = z.object({
  /** Everything waiting on the user (referrals they sent and are still waiting for are listed, not counted). */
  total: z.number(),
  /** The total is at least this: one of its kinds reached the cap. */
  totalCapped: z.boolean(),
  kinds: z.array(
    z.object({
      kind: z.enum(WORK_KINDS),
      /** At most WORK_COUNT_CAP; `capped` says there are more. */
      count: z.number(),
      capped: z.boolean(),
      /** Whether the count waits on this user (false: shown for information, e.g. referrals awaiting an answer). */
      countsTowardTotal: z.boolean(),
      items: z.array(workItem),
    }),
  ),
});

export const workQuery = z.strictObject({
  /** How many items of each kind (the home page shows a few; a kind's own page shows more). */
  limit: z.coerce.number().int().min(1).max(50).default(5),
  kind: z.enum(WORK_KINDS).optional(),
});

export const notificationItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  entityType: z.string(),
  entityId: z.uuid(),
  reference: z.string(),
  detail: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationsQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const notificationsResponse = z.object({ unread: z.number(), items: z.array(notificationItem) });

export const markReadInput = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** The user's daily e-mail digest: on or off, and the address it goes to. */
export const digestSettings = z.object({ enabled: z.boolean(), email: z.string().nullable() });

export const digestInput = z
  .strictObject({
    enabled: z.boolean(),
    email: z.email({ message: 'field.email' }).max(200).nullable(),
  })
  .refine((b) => !b.enabled || b.email !== null, { message: 'field.digest_email_required', path: ['email'] });
