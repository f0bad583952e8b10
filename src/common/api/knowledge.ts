// The contract of the knowledge base API (decision 032). Request bodies: common/domain/knowledge.ts.
import { z } from 'zod';
import { KNOWLEDGE_KINDS } from '../domain/knowledge';

export const knowledgeSearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  kind: z.enum(KNOWLEDGE_KINDS).optional(),
});
export const cannedAnswersQuery = z.strictObject({ q: z.string().max(200).optional() });

/** A document with its version in force and the start of its text. Dates are calendar days, YYYY-MM-DD. */
export const knowledgeSearchItemSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  titleAr: z.string(),
  titleEn: z.string(),
  published: z.boolean(),
  versionId: z.uuid(),
  version: z.number().int(),
  approvalRef: z.string(),
  approvedOn: z.string(),
  effectiveFrom: z.string(),
  excerpt: z.string(),
});
export type KnowledgeSearchItem = z.infer<typeof knowledgeSearchItemSchema>;
export const knowledgeSearchSchema = z.object({ items: z.array(knowledgeSearchItemSchema) });

export const cannedAnswerSchema = z.object({ id: z.uuid(), kind: z.string(), titleAr: z.string(), bodyAr: z.string() });
export type CannedAnswer = z.infer<typeof cannedAnswerSchema>;
export const cannedAnswerListSchema = z.object({ items: z.array(cannedAnswerSchema) });

export const pendingAcknowledgementSchema = z.object({
  documentId: z.uuid(),
  versionId: z.uuid(),
  kind: z.string(),
  titleAr: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  approvalRef: z.string(),
});
export type PendingAcknowledgement = z.infer<typeof pendingAcknowledgementSchema>;
export const pendingAcknowledgementListSchema = z.object({ items: z.array(pendingAcknowledgementSchema) });

export const knowledgeVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  bodyAr: z.string(),
  approvalRef: z.string(),
  approvedOn: z.string(),
  effectiveFrom: z.string(),
  createdAt: z.iso.datetime(),
});
export type KnowledgeVersion = z.infer<typeof knowledgeVersionSchema>;

export const knowledgeDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  titleAr: z.string(),
  titleEn: z.string(),
  published: z.boolean(),
  createdAt: z.iso.datetime(),
  /** The version in force today; null when none has come into force yet. */
  currentVersionId: z.uuid().nullable(),
  /** Newest first. */
  versions: z.array(knowledgeVersionSchema),
  /** Who has read the version in force: only for those who manage the documents. */
  acknowledgements: z.array(z.object({ userId: z.uuid(), displayName: z.string(), at: z.iso.datetime() })).nullable(),
});
export type KnowledgeDocument = z.infer<typeof knowledgeDocumentSchema>;

export const createdVersionSchema = z.object({ id: z.uuid(), version: z.number() });

/** Who among the active staff has read the version in force of one of the four tools. */
export const acknowledgementStatusSchema = z.object({
  versionId: z.uuid().nullable(),
  version: z.number().nullable(),
  /** Only the four tools are acknowledged; FAQs and canned answers are not. */
  needsAcknowledgement: z.boolean(),
  staff: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      acknowledgedAt: z.string().nullable(),
      /** When a reminder task was created and is still open. */
      remindedAt: z.string().nullable(),
    }),
  ),
  acknowledged: z.number(),
  pending: z.number(),
});
export type AcknowledgementStatus = z.infer<typeof acknowledgementStatusSchema>;
export const remindedSchema = acknowledgementStatusSchema.extend({ reminded: z.number() });
