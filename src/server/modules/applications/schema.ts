import { z } from 'zod';
import { APPLICATION_STAGES } from '../../../common/domain/application';
import { CHANNELS } from '../../../common/domain/channels';

/** Work queues: every stage of an application is in at least one, from intake to delivery and to closing. */
export const QUEUES = {
  to_verify: ['draft', 'submitted', 'verifying', 'returned'],
  returned: ['returned'],
  my_referrals: ['referred'],
  ready_for_committee: ['declared'],
  in_committee: ['in_committee'],
  deferred: ['deferred'],
  completing: ['accepted', 'completing'],
  enrolled: ['enrolled'],
  closed: ['rejected', 'withdrawn'],
} as const;

export const listQuery = z.strictObject({
  queue: z.enum(Object.keys(QUEUES) as [keyof typeof QUEUES, ...(keyof typeof QUEUES)[]]).optional(),
  stage: z.enum(APPLICATION_STAGES).optional(),
  beneficiaryId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const scoreLine = z.object({
  key: z.string(),
  weight: z.number(),
  value: z.number(),
  points: z.number(),
  detail: z.string(),
});

export const listItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  stage: z.string(),
  channel: z.string(),
  beneficiaryId: z.uuid(),
  beneficiaryName: z.string(),
  fileNumber: z.string(),
  branchId: z.uuid(),
  createdAt: z.string(),
  stageChangedAt: z.string(),
  expectedDecisionDate: z.string().nullable(),
  score: z.number().nullable(),
  services: z.array(z.object({ id: z.uuid(), code: z.string(), nameAr: z.string(), nameEn: z.string() })),
});

export const listResponse = z.object({
  items: z.array(listItem),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
});

export const detailSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  stage: z.string(),
  channel: z.string(),
  note: z.string().nullable(),
  waterProblem: z.string().nullable(),
  createdAt: z.string(),
  stageChangedAt: z.string(),
  raisedAt: z.string().nullable(),
  expectedDecisionDate: z.string().nullable(),
  score: z.number().nullable(),
  scoreBreakdown: z.array(scoreLine).nullable(),
  missingItems: z.array(z.string()).nullable(),
  /** The delivery appointment agreed while completing the registration. */
  appointment: z.object({ date: z.string(), from: z.string(), to: z.string() }).nullable(),
  branchId: z.uuid(),
  beneficiary: z.object({
    id: z.uuid(),
    fileNumber: z.string(),
    fullName: z.string(),
    mobile: z.string(),
    mobileLocal: z.string(),
    status: z.string(),
  }),
  services: z.array(z.object({ id: z.uuid(), code: z.string(), nameAr: z.string(), nameEn: z.string() })),
  checklist: z.array(
    z.object({
      itemKey: z.string(),
      labelAr: z.string(),
      labelEn: z.string(),
      state: z.string(),
      note: z.string().nullable(),
      documentId: z.string().nullable(),
      updatedAt: z.string().nullable(),
      updatedByName: z.string().nullable(),
    }),
  ),
  transitions: z.array(
    z.object({
      fromStage: z.string().nullable(),
      toStage: z.string(),
      channel: z.string(),
      note: z.string().nullable(),
      at: z.string(),
      byName: z.string().nullable(),
      byRole: z.string().nullable(),
    }),
  ),
  declaration: z
    .object({
      text: z.string(),
      typedName: z.string(),
      method: z.string(),
      channel: z.string(),
      at: z.string(),
      witnessName: z.string().nullable(),
    })
    .nullable(),
  /** The journey's last step: the deliveries scheduled or made for this application. */
  deliveries: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      scheduledDate: z.string(),
      completedAt: z.string().nullable(),
      sequence: z.number(),
    }),
  ),
  allowedNext: z.array(z.string()),
});

export const transitionResponse = z.object({
  id: z.uuid(),
  stage: z.string(),
  expectedDecisionDate: z.string().nullable(),
});

export const itemParams = z.strictObject({ id: z.uuid(), itemKey: z.string().regex(/^[a-z0-9_]{2,40}$/) });

export const channelOverride = z.enum(CHANNELS).optional();

export const criteriaVersionSchema = z.object({
  id: z.uuid(),
  version: z.number(),
  criteria: z.array(z.record(z.string(), z.unknown())),
  note: z.string().nullable(),
  boardReference: z.string().nullable(),
  boardDate: z.string().nullable(),
  createdAt: z.string(),
});
