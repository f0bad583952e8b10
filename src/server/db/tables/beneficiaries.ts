import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
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
import { branches, organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The head of household's file (ملف المستفيد). One per person per association: national ID is unique. */
export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    branchId: uuid('branch_id').notNull(),
    fileNumber: text('file_number').notNull(),
    nationalId: text('national_id').notNull(),
    firstName: text('first_name').notNull(),
    fatherName: text('father_name').notNull(),
    grandfatherName: text('grandfather_name').notNull(),
    familyName: text('family_name').notNull(),
    /** The four-part name after Arabic normalisation (common/arabic.ts), for search and duplicate checks. */
    nameNorm: text('name_norm').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date').notNull(),
    mobile: text('mobile').notNull(),
    mobile2: text('mobile2'),
    district: text('district').notNull(),
    districtNorm: text('district_norm').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    monthlyIncome: integer('monthly_income').notNull(),
    housing: text('housing').notNull(),
    familyStatus: text('family_status').notNull(),
    disability: boolean('disability').notNull().default(false),
    healthNotes: text('health_notes'),
    waterSource: text('water_source').notNull(),
    storageLitres: integer('storage_litres').notNull(),
    peopleAtHome: integer('people_at_home').notNull(),
    /**
     * Set when staff confirmed "people at home" although it differs from the applicant plus the listed household:
     * the figure they confirmed, which the selection score then uses. Null while the two agree or nobody confirmed.
     */
    householdConfirmedSize: integer('household_confirmed_size'),
    status: text('status').notNull().default('applicant'),
    reverifyDue: date('reverify_due'),
    suspendedUntil: date('suspended_until'),
    statusReason: text('status_reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** A legal-retention hold: the file may not be destroyed or anonymised before this date. */
    legalHoldUntil: date('legal_hold_until'),
    legalHoldReason: text('legal_hold_reason'),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** Set when this file was merged into another: its number then leads to the kept file. */
    mergedInto: uuid('merged_into'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('beneficiaries_org_national_id_uq').on(t.orgId, t.nationalId),
    uniqueIndex('beneficiaries_org_file_number_uq').on(t.orgId, t.fileNumber),
    index('beneficiaries_org_mobile_idx').on(t.orgId, t.mobile),
    index('beneficiaries_org_mobile2_idx').on(t.orgId, t.mobile2),
    index('beneficiaries_name_prefix_idx').using('btree', t.orgId, sql`${t.nameNorm} text_pattern_ops`),
    index('beneficiaries_name_trgm_idx').using('gin', sql`${t.nameNorm} gin_trgm_ops`),
    index('beneficiaries_org_branch_idx').on(t.orgId, t.branchId),
    // Active files by district and water source (the dashboard) without reading the table.
    index('beneficiaries_org_status_area_idx').on(t.orgId, t.status, t.district, t.waterSource),
    index('beneficiaries_org_reverify_idx').on(t.orgId, t.reverifyDue),
    check('beneficiaries_gender_ck', sql`${t.gender} in ('male','female')`),
    check('beneficiaries_status_ck', sql`${t.status} in ('applicant','active','suspended','closed')`),
    check('beneficiaries_water_ck', sql`${t.waterSource} in ('network','tank','well','none')`),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    birthDate: date('birth_date').notNull(),
    disability: boolean('disability').notNull().default(false),
    disabilityNote: text('disability_note'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries, 'cascade'),
    index('household_beneficiary_idx').on(t.beneficiaryId),
  ],
);

/** Consent with purpose, recorded at intake (PDPL). */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    purpose: text('purpose').notNull(),
    noticeVersion: text('notice_version').notNull(),
    channel: text('channel').notNull(),
    recordedBy: uuid('recorded_by'),
    at: createdAt(),
    /** The person withdrew this consent (PDPL): when, why, and who recorded it. The row itself is kept. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.recordedBy, users),
    tenantFk(t.orgId, t.withdrawnBy, users),
    index('consents_beneficiary_idx').on(t.beneficiaryId),
  ],
);

/** Status changes of a file (suspension with reason and period, reinstatement, re-verification). */
export const beneficiaryStatusEvents = pgTable(
  'beneficiary_status_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    until: date('until'),
    byUser: uuid('by_user'),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.byUser, users),
    index('beneficiary_status_events_idx').on(t.beneficiaryId, t.at),
  ],
);

/** Uploaded files: stored under generated names; the original name is kept only for display. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    applicationId: uuid('application_id'),
    kind: text('kind').notNull(),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.uploadedBy, users),
    index('documents_beneficiary_idx').on(t.beneficiaryId),
  ],
);

/** Corrections to a file, field by field, old and new value (PDPL: correction with history). */
export const beneficiaryRevisions = pgTable(
  'beneficiary_revisions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    byUser: uuid('by_user'),
    at: createdAt(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    /** Why the file was corrected (a correction request from the person, a document seen…). */
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.byUser, users),
    index('beneficiary_revisions_idx').on(t.beneficiaryId, t.at),
  ],
);

/** The personal-data breach register: discovered, reported within 72 hours, actions taken. */
export const breaches = pgTable(
  'breaches',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    description: text('description').notNull(),
    dataKinds: text('data_kinds').notNull(),
    affectedCount: integer('affected_count').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedTo: text('reported_to'),
    actions: text('actions').notNull().default(''),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), tenantFk(t.orgId, t.createdBy, users)],
);
