import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { beneficiaries } from './beneficiaries';
import { branches, organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/**
 * One import of an existing registry from a spreadsheet: the stored file, the mapping used, the counts, the row
 * report, and how far it has been applied (`next_row`, so an interrupted import resumes where it stopped).
 */
export const registryImports = pgTable(
  'registry_imports',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    branchId: uuid('branch_id').notNull(),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding'),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull().default('uploaded'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    invalidRows: integer('invalid_rows').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    updatedRows: integer('updated_rows').notNull().default(0),
    nextRow: integer('next_row').notNull().default(0),
    report: jsonb('report').$type<unknown[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.createdBy, users),
    index('registry_imports_org_created_idx').on(t.orgId, t.createdAt),
    check('registry_imports_status_ck', sql`${t.status} in ('uploaded','previewed','running','done')`),
    check('registry_imports_format_ck', sql`${t.format} in ('xlsx','csv')`),
  ],
);

/** A column mapping saved under a name, to be proposed again for the next sheet of the same shape. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('import_mappings_org_name_uq').on(t.orgId, t.name),
  ],
);

/**
 * A pair of files suspected to be the same person, with the score and the rules that matched, and the
 * reviewer's decision. `a_id` sorts before `b_id`, so a pair is stored once; "not the same person" is kept and
 * the pair is never proposed again.
 */
export const duplicatePairs = pgTable(
  'duplicate_pairs',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    source: text('source').notNull(),
    status: text('status').notNull().default('open'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.aId, beneficiaries),
    tenantFk(t.orgId, t.bId, beneficiaries),
    tenantFk(t.orgId, t.decidedBy, users),
    uniqueIndex('duplicate_pairs_org_pair_uq').on(t.orgId, t.aId, t.bId),
    index('duplicate_pairs_org_status_idx').on(t.orgId, t.status, t.score),
    check('duplicate_pairs_order_ck', sql`${t.aId} < ${t.bId}`),
    check('duplicate_pairs_status_ck', sql`${t.status} in ('open','later','merged','not_same')`),
  ],
);

/**
 * A merge of two files: what was moved from the merged file to the kept one, and both files as they were, so the
 * merge can be undone exactly.
 */
export const beneficiaryMerges = pgTable(
  'beneficiary_merges',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    keptId: uuid('kept_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    pairId: uuid('pair_id'),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    moved: jsonb('moved').$type<Record<string, string[]>>().notNull(),
    byUser: uuid('by_user'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.keptId, beneficiaries),
    tenantFk(t.orgId, t.mergedId, beneficiaries),
    tenantFk(t.orgId, t.pairId, duplicatePairs),
    tenantFk(t.orgId, t.byUser, users),
    tenantFk(t.orgId, t.undoneBy, users),
    index('beneficiary_merges_kept_idx').on(t.orgId, t.keptId),
    index('beneficiary_merges_merged_idx').on(t.orgId, t.mergedId),
  ],
);

/** An association's tuned weights and threshold for the duplicate rules (absent: the defaults). */
export const duplicateRuleSettings = pgTable(
  'duplicate_rule_settings',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    weights: jsonb('weights').$type<Record<string, number>>().notNull(),
    threshold: integer('threshold').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.updatedBy, users),
    uniqueIndex('duplicate_rule_settings_org_uq').on(t.orgId),
  ],
);

/**
 * A head row of an import that failed the registration rules and was kept, at the user's choice, as a file
 * waiting for correction (decision 026, round 3): the values as read from the sheet, keyed by import field, and
 * the reasons. It becomes a real file only once corrected values pass the same rules; `beneficiary_id` is then
 * that file. `row_key` is a hash of the values read, unique in the association, so a resumed import, or the same
 * sheet imported again, keeps a row once.
 */
export const importCorrections = pgTable(
  'import_corrections',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    importId: uuid('import_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    row: integer('row').notNull(),
    rowKey: text('row_key').notNull(),
    nationalId: text('national_id'),
    name: text('name'),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    issues: jsonb('issues').$type<{ field: string; column: string | null; code: string }[]>().notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    correctedBy: uuid('corrected_by'),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.importId, registryImports, 'cascade'),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.correctedBy, users),
    uniqueIndex('import_corrections_org_row_key_uq').on(t.orgId, t.rowKey),
    index('import_corrections_org_open_idx').on(t.orgId, t.correctedAt, t.row),
  ],
);
