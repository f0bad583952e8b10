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
 * The first answer to a write sent with an `Idempotency-Key` header (the field app's queue, POST /api/interactions),
 * per organisation and user. A replay with the same body gets this answer back and writes nothing; the same key
 * with another body is refused. `status_code` is null while the first request is still running.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users, 'cascade'),
    uniqueIndex('idempotency_keys_org_user_key_uq').on(t.orgId, t.userId, t.key),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);

/**
 * What a branch representative records in the field that has no table of its own yet: a home inspection (site
 * visit) of a file, and a registration draft of a new household (consent and document photos) that an officer
 * completes later at the office.
 */
export const fieldReports = pgTable(
  'field_reports',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    branchId: uuid('branch_id').notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    /** The answers as typed on the phone (inspection findings, or the draft's name, mobile, address, consent). */
    data: jsonb('data').notNull(),
    status: text('status').notNull().default('open'),
    /** When the representative recorded it on the phone (it may reach the server hours later). */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedBy: uuid('completed_by'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Why the officer rejected a registration draft (not a household to register, a duplicate, …). */
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.createdBy, users),
    tenantFk(t.orgId, t.completedBy, users),
    index('field_reports_org_branch_idx').on(t.orgId, t.branchId, t.kind, t.status),
    check('field_reports_kind_ck', sql`${t.kind} in ('inspection','registration_draft')`),
    check('field_reports_status_ck', sql`${t.status} in ('open','completed','rejected')`),
  ],
);

/** The photos of a field report (documents of a draft household, the home at an inspection), stored on disk. */
export const fieldPhotos = pgTable(
  'field_photos',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    reportId: uuid('report_id').notNull(),
    purpose: text('purpose').notNull(),
    storedName: text('stored_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.reportId, fieldReports, 'cascade'),
    index('field_photos_report_idx').on(t.orgId, t.reportId),
  ],
);
