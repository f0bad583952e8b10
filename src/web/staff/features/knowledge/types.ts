/** Shapes of the knowledge API (server: modules/knowledge/routes.ts; common/domain/knowledge.ts). */

/** The four tools of the beneficiary-relations employee, then FAQs and canned answers. */
export const KNOWLEDGE_KIND_LIST = [
  'bylaws',
  'services_regulation',
  'policies_manual',
  'selection_mechanism',
  'faq',
  'answer',
] as const;
export type KnowledgeKindCode = (typeof KNOWLEDGE_KIND_LIST)[number];

export type KnowledgeSearchItem = {
  id: string;
  kind: string;
  titleAr: string;
  titleEn: string;
  published: boolean;
  versionId: string;
  version: number;
  approvalRef: string;
  /** Calendar dates, YYYY-MM-DD. */
  approvedOn: string;
  effectiveFrom: string;
  excerpt: string;
};

export type KnowledgeVersion = {
  id: string;
  version: number;
  bodyAr: string;
  approvalRef: string;
  approvedOn: string;
  effectiveFrom: string;
  createdAt: string;
};

export type KnowledgeDocument = {
  id: string;
  kind: string;
  titleAr: string;
  titleEn: string;
  published: boolean;
  createdAt: string;
  /** The version in force today; null when none has come into force yet. */
  currentVersionId: string | null;
  /** Newest first. */
  versions: KnowledgeVersion[];
  /** Who has read the version in force: only for those who manage the documents. */
  acknowledgements: { userId: string; displayName: string; at: string }[] | null;
};

export type CannedAnswer = { id: string; kind: string; titleAr: string; bodyAr: string };

export type PendingAcknowledgement = {
  documentId: string;
  versionId: string;
  kind: string;
  titleAr: string;
  version: number;
  effectiveFrom: string;
  approvalRef: string;
};

export type VersionFields = { bodyAr: string; approvalRef: string; approvedOn: string; effectiveFrom: string };

export type CreateKnowledgeRequest = VersionFields & {
  kind: string;
  titleAr: string;
  titleEn?: string;
  published?: boolean;
};

export type UpdateKnowledgeRequest = { titleAr?: string; titleEn?: string; published?: boolean };
