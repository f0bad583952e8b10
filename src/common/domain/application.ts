import { z } from 'zod';
import { channelSchema } from './channels';

/** Stages of an application (طلب التحاق), in the policy's order (PRODUCT.md → Application). */
export const APPLICATION_STAGES = [
  'draft',
  'submitted',
  'verifying',
  'referred',
  'returned',
  'declared',
  'in_committee',
  'accepted',
  'rejected',
  'deferred',
  'completing',
  'enrolled',
  'withdrawn',
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/**
 * Who may move an application from one stage to another (intake part; the committee issue adds its own).
 * `verify`: officer or branch representative; `answer_referral`: execution officer; `raise`: officer only.
 */
export type TransitionRight = 'verify' | 'answer_referral' | 'raise';
export const TRANSITIONS: readonly {
  from: ApplicationStage;
  to: ApplicationStage;
  right: TransitionRight;
  noteRequired?: boolean;
}[] = [
  { from: 'draft', to: 'submitted', right: 'verify' },
  { from: 'submitted', to: 'verifying', right: 'verify' },
  { from: 'verifying', to: 'referred', right: 'verify', noteRequired: true },
  { from: 'referred', to: 'verifying', right: 'answer_referral', noteRequired: true },
  { from: 'verifying', to: 'returned', right: 'verify' },
  { from: 'returned', to: 'verifying', right: 'verify' },
  { from: 'verifying', to: 'declared', right: 'verify' },
  { from: 'declared', to: 'in_committee', right: 'raise' },
  ...(['draft', 'submitted', 'verifying', 'referred', 'returned', 'declared'] as const).map((from) => ({
    from,
    to: 'withdrawn' as const,
    right: 'verify' as const,
    noteRequired: true,
  })),
];

export function findTransition(from: ApplicationStage, to: ApplicationStage) {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function nextStages(from: ApplicationStage): ApplicationStage[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** Stages in which the application is still being prepared and its checklist may change. */
export const OPEN_STAGES: readonly ApplicationStage[] = ['draft', 'submitted', 'verifying', 'referred', 'returned'];

export const CHECKLIST_STATES = ['pending', 'provided', 'verified', 'missing', 'not_applicable'] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];

export const DECLARATION_METHODS = ['signature', 'checkbox'] as const;

export const createApplicationInput = z.strictObject({
  beneficiaryId: z.uuid(),
  serviceIds: z.array(z.uuid()).min(1).max(10),
  channel: channelSchema,
  note: z.string().trim().max(1000).optional(),
});

export const transitionInput = z.strictObject({
  to: z.enum(APPLICATION_STAGES),
  note: z.string().trim().max(2000).optional(),
  /** Required when moving to `declared`: the applicant's typed full name and how they signed. */
  declaration: z
    .strictObject({ typedName: z.string().trim().min(5).max(200), method: z.enum(DECLARATION_METHODS) })
    .optional(),
});

export const checklistUpdateInput = z.strictObject({
  state: z.enum(CHECKLIST_STATES),
  note: z.string().trim().max(500).optional(),
  documentId: z.uuid().nullable().optional(),
});
