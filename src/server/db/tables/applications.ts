import { sql } from 'drizzle-orm';
import {
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
import { beneficiaries } from './beneficiaries';
import { branches, organizations } from './organizations';
import { services } from './services';
import { tenantFk } from './tenant-keys';
import { users } from './users';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

export type ScoreBreakdown = { key: string; weight: number; value: number; points: number; detail: string }[];

/** An application to enrol in services (طلب التحاق). */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    reference: text('reference').notNull(),
    channel: text('channel').notNull(),
    stage: text('stage').notNull().default('draft'),
    note: text('note'),
    /** The applicant's own words about the water problem (portal, optional; at most WATER_PROBLEM_MAX characters). */
    waterProblem: text('water_problem'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
    raisedAt: timestamp('raised_at', { withTimezone: true }),
    expectedDecisionDate: date('expected_decision_date'),
    score: doublePrecision('score'),
    scoreBreakdown: jsonb('score_breakdown').$type<ScoreBreakdown>(),
    criteriaVersionId: uuid('criteria_version_id'),
    /** Items the applicant was asked to bring when the application was returned. */
    missingItems: jsonb('missing_items').$type<string[]>(),
    /** The delivery appointment agreed with the beneficiary while completing: a working day and a time window. */
    appointmentDate: date('appointment_date'),
    appointmentFrom: text('appointment_from'),
    appointmentTo: text('appointment_to'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('applications_org_reference_uq').on(t.orgId, t.reference),
    index('applications_org_stage_idx').on(t.orgId, t.stage, t.stageChangedAt),
    // Queues span several stages ordered by age: walking this index in order stops after one page. The id is in it
    // too, so applications changed at the same instant (an import) need no sort of every tie either.
    index('applications_org_changed_idx').on(t.orgId, t.stageChangedAt, t.id),
    index('applications_beneficiary_idx').on(t.beneficiaryId),
    // Applications received in a period (the dashboard).
    index('applications_org_created_idx').on(t.orgId, t.createdAt),
    check(
      'applications_stage_ck',
      sql`${t.stage} in ('draft','submitted','verifying','referred','returned','declared','in_committee','accepted','rejected','deferred','completing','enrolled','withdrawn')`,
    ),
  ],
);

export const applicationServices = pgTable(
  'application_services',
  {
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    serviceId: uuid('service_id').notNull(),
  },
  (t) => [
    tenantFk(t.orgId, t.applicationId, applications, 'cascade'),
    tenantFk(t.orgId, t.serviceId, services),
    primaryKey({ columns: [t.orgId, t.applicationId, t.serviceId] }),
  ],
);

/** Every stage change: who, when, from which channel, with a note. */
export const applicationTransitions = pgTable(
  'application_transitions',
  {
    id: integer('id').notNull().generatedAlwaysAsIdentity(),
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    byUser: uuid('by_user'),
    channel: text('channel').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.applicationId, applications),
    tenantFk(t.orgId, t.byUser, users),
    index('application_transitions_app_idx').on(t.applicationId, t.at),
  ],
);

/** The verification checklist: each required item of the services applied for, and its state. */
export const checklistItems = pgTable(
  'checklist_items',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    itemKey: text('item_key').notNull(),
    labelAr: text('label_ar').notNull(),
    labelEn: text('label_en').notNull(),
    state: text('state').notNull().default('pending'),
    note: text('note'),
    documentId: uuid('document_id'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.applicationId, applications, 'cascade'),
    tenantFk(t.orgId, t.updatedBy, users),
    uniqueIndex('checklist_app_item_uq').on(t.orgId, t.applicationId, t.itemKey),
    check('checklist_state_ck', sql`${t.state} in ('pending','provided','verified','missing','not_applicable')`),
  ],
);

/** The applicant's declaration (الإقرار). Immutable: a trigger refuses UPDATE and DELETE. */
export const declarations = pgTable(
  'declarations',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    text: text('text').notNull(),
    typedName: text('typed_name').notNull(),
    method: text('method').notNull(),
    channel: text('channel').notNull(),
    witnessUserId: uuid('witness_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.applicationId, applications),
    tenantFk(t.orgId, t.witnessUserId, users),
    uniqueIndex('declarations_application_uq').on(t.orgId, t.applicationId),
  ],
);

/** Versioned selection criteria (آلية اختيار المستفيدين); each score records the version it used. */
export const selectionCriteriaVersions = pgTable(
  'selection_criteria_versions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    version: integer('version').notNull(),
    criteria: jsonb('criteria').notNull(),
    note: text('note'),
    /** The board minutes that approved this version (e.g. «محضر مجلس الإدارة رقم ٤»). */
    boardReference: text('board_reference'),
    boardDate: date('board_date'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('criteria_org_version_uq').on(t.orgId, t.version),
  ],
);
