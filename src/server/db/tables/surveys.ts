import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { organizations } from './organizations';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/** The association's survey questions (قياس رضا المستفيد): one 1–5 rating, optional yes/no and free text. */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    labelAr: text('label_ar').notNull(),
    labelEn: text('label_en').notNull().default(''),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('survey_questions_org_key_uq').on(t.orgId, t.key),
    check('survey_questions_kind_ck', sql`${t.kind} in ('rating','yes_no','text')`),
  ],
);

/**
 * A single-use survey link sent after a resolved case, a delivered service or a decision. Only the token's hash
 * is stored. It keeps who it was sent to so a named low rating can be followed up, and so response rates count.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    tokenHash: text('token_hash').notNull(),
    trigger: text('trigger').notNull(),
    triggerEntityId: text('trigger_entity_id').notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    mobile: text('mobile').notNull(),
    serviceId: uuid('service_id'),
    channel: text('channel').notNull(),
    branchId: uuid('branch_id'),
    ownerUserId: uuid('owner_user_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Only the day is kept, so an anonymous answer cannot be matched to its link by time. */
    answeredOn: date('answered_on'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('survey_invitations_token_uq').on(t.orgId, t.tokenHash),
    uniqueIndex('survey_invitations_trigger_uq').on(t.orgId, t.trigger, t.triggerEntityId),
    index('survey_invitations_org_sent_idx').on(t.orgId, t.sentAt),
    // The cap on invitations per person looks up a mobile's latest invitation.
    index('survey_invitations_org_mobile_idx').on(t.orgId, t.mobile, t.sentAt),
  ],
);

/**
 * An answer. A named answer points to its invitation; an anonymous one has no invitation, no person, no staff
 * member and no exact time — only what reports group by (trigger, service, channel, branch, month).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    invitationId: uuid('invitation_id'),
    anonymous: boolean('anonymous').notNull(),
    trigger: text('trigger').notNull(),
    serviceId: uuid('service_id'),
    channel: text('channel').notNull(),
    branchId: uuid('branch_id'),
    month: text('month').notNull(),
    rating: integer('rating').notNull(),
    answers: jsonb('answers').$type<Record<string, string | number | boolean>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('survey_responses_org_month_idx').on(t.orgId, t.month),
    check('survey_responses_rating_ck', sql`${t.rating} between 1 and 5`),
    check('survey_responses_anonymous_ck', sql`not ${t.anonymous} or ${t.invitationId} is null`),
  ],
);
