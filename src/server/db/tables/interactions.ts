import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { beneficiaries } from './beneficiaries';
import { organizations } from './organizations';
import { users } from './users';

/** Every contact on one of the eight channels, inbound or outbound (تواصل). */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    channel: text('channel').notNull(),
    direction: text('direction').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    summary: text('summary').notNull(),
    durationSeconds: integer('duration_seconds'),
    beneficiaryId: uuid('beneficiary_id').references(() => beneficiaries.id),
    contactName: text('contact_name'),
    contactMobile: text('contact_mobile'),
    applicationId: uuid('application_id').references(() => applications.id),
    caseId: uuid('case_id'),
  },
  (t) => [
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
