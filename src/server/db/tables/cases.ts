import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
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
 * An inquiry, complaint, suggestion, praise or service request. SLA due times are stored and moved forward
 * when a pause (waiting for the beneficiary) ends, so lists of breached and at-risk cases are plain queries.
 * An anonymous suggestion has no beneficiary, no contact and no creator recorded.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    reference: text('reference').notNull(),
    kind: text('kind').notNull(),
    priority: text('priority').notNull().default('normal'),
    status: text('status').notNull().default('new'),
    channel: text('channel').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    contactName: text('contact_name'),
    contactMobile: text('contact_mobile'),
    anonymous: boolean('anonymous').notNull().default(false),
    team: text('team').notNull().default('relations'),
    ownerUserId: uuid('owner_user_id'),
    branchId: uuid('branch_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    /** Hash of the key a portal submitter keeps to follow their case (the only link back, for anonymous ones). */
    followKeyHash: text('follow_key_hash'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.ownerUserId, users),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('cases_org_reference_uq').on(t.orgId, t.reference),
    index('cases_org_status_idx').on(t.orgId, t.status, t.resolutionDueAt),
    index('cases_owner_idx').on(t.ownerUserId, t.status),
    index('cases_beneficiary_idx').on(t.beneficiaryId),
    // The dashboard counts a period's cases by kind and channel from this index alone.
    index('cases_org_created_idx').on(t.orgId, t.createdAt, t.kind, t.channel),
    check('cases_kind_ck', sql`${t.kind} in ('inquiry','complaint','suggestion','praise','service_request')`),
    check(
      'cases_status_ck',
      sql`${t.status} in ('new','in_progress','referred','waiting_beneficiary','resolved','closed')`,
    ),
    check(
      'cases_anonymous_ck',
      sql`not ${t.anonymous} or (${t.beneficiaryId} is null and ${t.contactName} is null and ${t.contactMobile} is null and ${t.createdBy} is null)`,
    ),
  ],
);

/** Internal notes (staff only), replies to the person, and what the person sent in. */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    channel: text('channel'),
    authorUserId: uuid('author_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.caseId, cases, 'cascade'),
    tenantFk(t.orgId, t.authorUserId, users),
    index('case_messages_case_idx').on(t.caseId, t.at),
    check('case_messages_kind_ck', sql`${t.kind} in ('note','reply','inbound','status')`),
  ],
);

export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.caseId, cases, 'cascade'),
    tenantFk(t.orgId, t.uploadedBy, users),
    index('case_attachments_case_idx').on(t.caseId),
  ],
);

/** Work for a named staff member (escalations, follow-up calls), shown in their task list. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** One task per reason and record: the rule that creates it never repeats itself. */
    dedupeKey: text('dedupe_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.assigneeUserId, users),
    uniqueIndex('tasks_dedupe_uq').on(t.orgId, t.assigneeUserId, t.dedupeKey),
    index('tasks_assignee_idx').on(t.assigneeUserId, t.doneAt),
  ],
);
