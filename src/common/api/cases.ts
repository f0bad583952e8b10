// The contract of the cases API (decision 032). Request bodies: common/domain/case.ts.
import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES } from '../domain/case';
import { CHANNELS } from '../domain/channels';

export const inboxQuery = z.strictObject({
  kind: z.enum(CASE_KINDS).optional(),
  channel: z.enum(CHANNELS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  sla: z.enum(['breached', 'at_risk']).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const SLA_STATES = ['ok', 'at_risk', 'breached', 'met', 'paused'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.string(),
  priority: z.string(),
  status: z.string(),
  channel: z.string(),
  subject: z.string(),
  anonymous: z.boolean(),
  beneficiaryId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  team: z.string(),
  branchId: z.uuid().nullable(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  firstResponseDueAt: z.string(),
  resolutionDueAt: z.string(),
  resolvedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  sla: z.enum(SLA_STATES),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export const caseListSchema = z.object({ items: z.array(caseSummarySchema), hasMore: z.boolean() });
export type CaseListResponse = z.infer<typeof caseListSchema>;

export const caseMessageSchema = z.object({
  id: z.uuid(),
  /** inbound: what the person said; reply: what we told them; note: staff only; status: a move of the case. */
  kind: z.enum(['inbound', 'note', 'reply', 'status']),
  body: z.string(),
  channel: z.string().nullable(),
  at: z.iso.datetime(),
  authorName: z.string().nullable(),
});
export type CaseMessage = z.infer<typeof caseMessageSchema>;

export const caseAttachmentSchema = z.object({
  id: z.uuid(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  at: z.iso.datetime(),
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;
export const newAttachmentSchema = caseAttachmentSchema.omit({ at: true });

export const caseDetailSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.string(),
  priority: z.string(),
  status: z.string(),
  channel: z.string(),
  subject: z.string(),
  description: z.string(),
  beneficiaryId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  /** E.164. */
  contactMobile: z.string().nullable(),
  anonymous: z.boolean(),
  team: z.string(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  branchId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  firstResponseDueAt: z.iso.datetime(),
  resolutionDueAt: z.iso.datetime(),
  firstResponseAt: z.iso.datetime().nullable(),
  pausedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  reopenCount: z.number().int(),
  outcome: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  outcomeAt: z.iso.datetime().nullable(),
  sla: z.enum(SLA_STATES),
  messages: z.array(caseMessageSchema),
  attachments: z.array(caseAttachmentSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const createdCaseSchema = z.object({ id: z.uuid(), reference: z.string() });
export const caseStatusSchema = z.object({ id: z.uuid(), status: z.string() });
