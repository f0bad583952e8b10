import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { deliveries } from './deliveries';
import { branches, organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

/**
 * An in-app notice to one staff member that a hand-off reached them (a referral answered, a decision on an
 * application they raised, a case or delivery assigned to them). Never written for the user's own action.
 */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The record's reference (APP-…, C-…) and a short detail (the answer, the decision), kept as written. */
    reference: text('reference').notNull().default(''),
    detail: text('detail'),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users),
    tenantFk(t.orgId, t.actorUserId, users),
    index('staff_notifications_user_idx').on(t.orgId, t.userId, t.createdAt),
    check(
      'staff_notifications_kind_ck',
      sql`${t.kind} in ('referral_answered','application_decided','case_assigned','case_escalated','delivery_assigned','document_received','inspection_assigned')`,
    ),
    check('staff_notifications_not_self_ck', sql`${t.actorUserId} is null or ${t.actorUserId} <> ${t.userId}`),
  ],
);

/**
 * The home inspection (معاينة موقع المنزل) of an accepted application: a task of a branch representative of the
 * file's branch, who records the outcome, a note, the pin and a photo. The completion step it stands for is ticked
 * by that record only, never by the officer.
 */
export const homeInspections = pgTable(
  'home_inspections',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    applicationId: uuid('application_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    assignedBy: uuid('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome'),
    note: text('note'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    photoDocumentId: uuid('photo_document_id'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.applicationId, applications, 'cascade'),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.assigneeUserId, users),
    tenantFk(t.orgId, t.assignedBy, users),
    tenantFk(t.orgId, t.recordedBy, users),
    uniqueIndex('home_inspections_org_application_uq').on(t.orgId, t.applicationId),
    // A representative's open inspections, the longest waiting first (My work).
    index('home_inspections_org_assignee_idx').on(t.orgId, t.assigneeUserId, t.recordedAt, t.assignedAt),
    check('home_inspections_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ('suitable','unsuitable')`),
  ],
);

/**
 * A recorded correction of something already recorded — a delivery's outcome or the completion of a registration.
 * The record itself is changed (so KPIs and reports read the corrected value) and this row keeps what it said
 * before, what it says now, who corrected it and why: a correction is never a silent edit.
 */
export const recordCorrections = pgTable(
  'record_corrections',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** 'delivery' (deliveryId set) or 'registration' (the application's completion; applicationId only). */
    subject: text('subject').notNull(),
    applicationId: uuid('application_id'),
    deliveryId: uuid('delivery_id'),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    correctedBy: uuid('corrected_by').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.applicationId, applications),
    tenantFk(t.orgId, t.deliveryId, deliveries),
    tenantFk(t.orgId, t.correctedBy, users),
    index('record_corrections_application_idx').on(t.orgId, t.applicationId, t.correctedAt),
    index('record_corrections_delivery_idx').on(t.orgId, t.deliveryId, t.correctedAt),
    check('record_corrections_subject_ck', sql`${t.subject} in ('delivery','registration')`),
    check(
      'record_corrections_target_ck',
      sql`(${t.subject} = 'delivery' and ${t.deliveryId} is not null) or (${t.subject} = 'registration' and ${t.applicationId} is not null)`,
    ),
  ],
);
