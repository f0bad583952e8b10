import { z } from 'zod';
import { mobileSchema } from './beneficiary';
import { channelSchema } from './channels';

export const CASE_KINDS = ['inquiry', 'complaint', 'suggestion', 'praise', 'service_request'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export const CASE_STATUSES = ['new', 'in_progress', 'referred', 'waiting_beneficiary', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const SUGGESTION_OUTCOMES = ['accepted', 'under_study', 'declined'] as const;
export const CASE_TEAMS = ['relations', 'execution', 'management'] as const;

/**
 * The case machine (PRODUCT.md → Case). `refer` is the move to the execution officer (with a reason),
 * `answer_referral` the execution officer's; `reopen` is allowed within the configured window after resolution.
 */
export const CASE_TRANSITIONS: readonly {
  from: CaseStatus;
  to: CaseStatus;
  noteRequired?: boolean;
  reopen?: boolean;
}[] = [
  { from: 'new', to: 'in_progress' },
  { from: 'new', to: 'resolved', noteRequired: true },
  { from: 'new', to: 'referred', noteRequired: true },
  { from: 'in_progress', to: 'referred', noteRequired: true },
  { from: 'referred', to: 'in_progress', noteRequired: true },
  { from: 'in_progress', to: 'waiting_beneficiary' },
  { from: 'referred', to: 'waiting_beneficiary' },
  { from: 'waiting_beneficiary', to: 'in_progress' },
  { from: 'in_progress', to: 'resolved', noteRequired: true },
  { from: 'referred', to: 'resolved', noteRequired: true },
  { from: 'waiting_beneficiary', to: 'resolved', noteRequired: true },
  { from: 'resolved', to: 'closed' },
  { from: 'resolved', to: 'in_progress', noteRequired: true, reopen: true },
  { from: 'closed', to: 'in_progress', noteRequired: true, reopen: true },
];

export function findCaseTransition(from: CaseStatus, to: CaseStatus) {
  return CASE_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'referred', 'waiting_beneficiary'];

export const LIMITS = { subject: 200, body: 5000 } as const;

export const createCaseInput = z
  .strictObject({
    kind: z.enum(CASE_KINDS),
    channel: channelSchema,
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    subject: z.string().trim().min(3).max(LIMITS.subject),
    description: z.string().trim().min(3).max(LIMITS.body),
    beneficiaryId: z.uuid().nullable().optional(),
    contactName: z.string().trim().min(2).max(120).nullable().optional(),
    contactMobile: mobileSchema.nullable().optional(),
    /** Suggestions only: nothing that identifies the person is stored. */
    anonymous: z.boolean().default(false),
    team: z.enum(CASE_TEAMS).default('relations'),
  })
  .refine((c) => !c.anonymous || c.kind === 'suggestion', {
    message: 'field.anonymous_suggestion_only',
    path: ['anonymous'],
  })
  .refine((c) => !c.anonymous || (!c.beneficiaryId && !c.contactName && !c.contactMobile), {
    message: 'field.anonymous_no_identity',
    path: ['anonymous'],
  });

export const caseTransitionInput = z.strictObject({
  to: z.enum(CASE_STATUSES),
  note: z.string().trim().max(LIMITS.body).optional(),
});

export const caseMessageInput = z.strictObject({
  kind: z.enum(['note', 'reply']),
  body: z.string().trim().min(1).max(LIMITS.body),
  channel: channelSchema.optional(),
});

export const suggestionOutcomeInput = z
  .strictObject({ outcome: z.enum(SUGGESTION_OUTCOMES), reason: z.string().trim().max(2000).optional() })
  .refine((o) => o.outcome !== 'declined' || Boolean(o.reason), { message: 'field.reason_required', path: ['reason'] });

export const assignCaseInput = z.strictObject({
  ownerUserId: z.uuid().nullable().optional(),
  team: z.enum(CASE_TEAMS).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
});

/** Default SLA targets in working hours, per kind (normal priority); other priorities scale them. */
export const DEFAULT_SLA: Record<CaseKind, { firstResponseHours: number; resolutionHours: number }> = {
  inquiry: { firstResponseHours: 4, resolutionHours: 16 },
  complaint: { firstResponseHours: 4, resolutionHours: 40 },
  suggestion: { firstResponseHours: 16, resolutionHours: 80 },
  praise: { firstResponseHours: 16, resolutionHours: 40 },
  service_request: { firstResponseHours: 8, resolutionHours: 40 },
};
export const PRIORITY_FACTOR: Record<CasePriority, number> = { urgent: 0.25, high: 0.5, normal: 1, low: 2 };
