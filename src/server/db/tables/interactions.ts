import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { beneficiaries } from './beneficiaries';
import { organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

/** Every contact on one of the eight channels, inbound or outbound (تواصل). */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    channel: text('channel').notNull(),
    direction: text('direction').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    summary: text('summary').notNull(),
    durationSeconds: integer('duration_seconds'),
    beneficiaryId: uuid('beneficiary_id'),
    contactName: text('contact_name'),
    contactMobile: text('contact_mobile'),
    applicationId: uuid('application_id'),
    caseId: uuid('case_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.applicationId, applications),
    index('interactions_beneficiary_idx').on(t.beneficiaryId, t.occurredAt),
    // Channel and direction ride along so the dashboard's contacts-per-channel count reads the index alone.
    index('interactions_org_time_idx').on(t.orgId, t.occurredAt, t.channel, t.direction),
    check('interactions_direction_ck', sql`${t.direction} in ('inbound','outbound')`),
    check(
      'interactions_channel_ck',
      sql`${t.channel} in ('meeting','phone','social_media','letter','enrolment_request','volunteering','website','branch_rep')`,
    ),
  ],
);
