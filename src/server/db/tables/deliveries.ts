import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { beneficiaries } from './beneficiaries';
import { branches, organizations } from './organizations';
import { services } from './services';
import { tenantFk } from './tenant-keys';
import { users } from './users';

/** A service delivered at the beneficiary's location (تقديم الخدمة), with proof, or failed with a reason. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    applicationId: uuid('application_id'),
    serviceId: uuid('service_id').notNull(),
    branchId: uuid('branch_id').notNull(),
    scheduledDate: date('scheduled_date').notNull(),
    /** The time window agreed with the beneficiary ('HH:MM'), when one was. */
    windowFrom: text('window_from'),
    windowTo: text('window_to'),
    assigneeUserId: uuid('assignee_user_id'),
    status: text('status').notNull().default('scheduled'),
    sequence: integer('sequence').notNull().default(1),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    recipientName: text('recipient_name'),
    note: text('note'),
    photoDocumentId: uuid('photo_document_id'),
    failureReason: text('failure_reason'),
    completedBy: uuid('completed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.applicationId, applications),
    tenantFk(t.orgId, t.serviceId, services),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.assigneeUserId, users),
    tenantFk(t.orgId, t.completedBy, users),
    index('deliveries_org_date_idx').on(t.orgId, t.scheduledDate, t.status),
    index('deliveries_assignee_date_idx').on(t.assigneeUserId, t.scheduledDate),
    index('deliveries_beneficiary_idx').on(t.beneficiaryId),
    // Deliveries completed in a period, by outcome (the dashboard).
    index('deliveries_org_completed_idx').on(t.orgId, t.completedAt, t.status),
    check('deliveries_status_ck', sql`${t.status} in ('scheduled','delivered','failed','cancelled')`),
  ],
);
