import { z } from 'zod';
import { INSPECTION_OUTCOMES } from '../../../common/domain/committee';

export const inspectionResponse = z.object({
  inspection: z
    .object({
      assigneeUserId: z.uuid(),
      assigneeName: z.string(),
      assignedAt: z.string(),
      outcome: z.enum(INSPECTION_OUTCOMES).nullable(),
      note: z.string().nullable(),
      location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
      photoDocumentId: z.uuid().nullable(),
      recordedAt: z.string().nullable(),
      recordedByName: z.string().nullable(),
    })
    .nullable(),
  /** Whether the caller may hand it to a representative (and to whom), or record its result. */
  canAssign: z.boolean(),
  canRecord: z.boolean(),
  inspectors: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['branch_rep', 'execution_officer']) })),
});
