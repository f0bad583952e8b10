/** Shapes of the knowledge API, from the shared contract (src/common/api/knowledge.ts, common/domain/knowledge.ts). */
import type { z } from 'zod';
import type { createKnowledgeInput, updateKnowledgeInput } from '../../../../common/domain/knowledge';

export type {
  CannedAnswer,
  KnowledgeDocument,
  KnowledgeSearchItem,
  KnowledgeVersion,
  PendingAcknowledgement,
} from '../../../../common/api/knowledge';
/** The four tools of the beneficiary-relations employee, then FAQs and canned answers. */
export {
  KNOWLEDGE_KINDS as KNOWLEDGE_KIND_LIST,
  type KnowledgeKind as KnowledgeKindCode,
} from '../../../../common/domain/knowledge';

export type VersionFields = { bodyAr: string; approvalRef: string; approvedOn: string; effectiveFrom: string };

export type CreateKnowledgeRequest = z.input<typeof createKnowledgeInput>;

export type UpdateKnowledgeRequest = z.input<typeof updateKnowledgeInput>;
