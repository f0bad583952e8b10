import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
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
      sql`${t.kind} in ('referral_answered','application_decided','case_assigned','case_escalated','delivery_assigned','document_received')`,
    ),
    check('staff_notifications_not_self_ck', sql`${t.actorUserId} is null or ${t.actorUserId} <> ${t.userId}`),
  ],
);
