import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/** The staff's four tools (الأدوات), FAQs and canned answers. Content lives in versions. */
export const knowledgeDocuments = pgTable(
  'knowledge_documents',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    titleAr: text('title_ar').notNull(),
    titleEn: text('title_en').notNull().default(''),
    /** Shown on the public portal. */
    published: boolean('published').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('knowledge_documents_org_idx').on(t.orgId, t.kind),
    check(
      'knowledge_kind_ck',
      sql`${t.kind} in ('bylaws','services_regulation','policies_manual','selection_mechanism','faq','answer')`,
    ),
  ],
);

/** One approved text of a document; an old version stays readable, the effective one is served. */
export const knowledgeVersions = pgTable(
  'knowledge_versions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    documentId: uuid('document_id').notNull(),
    version: integer('version').notNull(),
    bodyAr: text('body_ar').notNull(),
    /** Title and body after Arabic normalisation, for search. */
    searchNorm: text('search_norm').notNull(),
    approvalRef: text('approval_ref').notNull(),
    approvedOn: date('approved_on').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.documentId, knowledgeDocuments, 'cascade'),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('knowledge_versions_doc_version_uq').on(t.orgId, t.documentId, t.version),
    index('knowledge_versions_search_trgm_idx').using('gin', sql`${t.searchNorm} gin_trgm_ops`),
  ],
);

/** Who read which version of a tool and when (the policy asks that it be circulated). */
export const knowledgeAcknowledgements = pgTable(
  'knowledge_acknowledgements',
  {
    orgId: orgId(),
    versionId: uuid('version_id').notNull(),
    userId: uuid('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantFk(t.orgId, t.versionId, knowledgeVersions, 'cascade'),
    tenantFk(t.orgId, t.userId, users),
    primaryKey({ columns: [t.orgId, t.versionId, t.userId] }),
  ],
);
