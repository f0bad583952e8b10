import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES } from '../../../common/domain/case';
import { CHANNELS } from '../../../common/domain/channels';

export const inboxQuery = z.strictObject({
  kind: z.enum(CASE_KINDS).optional(),
  channel: z.enum(CHANNELS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  sla: z.enum(['breached', 'at_risk']).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const caseSummary = z.object({
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
  sla: z.enum(['ok', 'at_risk', 'breached', 'met', 'paused']),
});
