import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { applications } from './applications';
import { organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/** A committee meeting (اجتماع اللجنة); its minutes (المحضر) carry a reference number sequential per year. */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    reference: text('reference').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    chairUserId: uuid('chair_user_id').notNull(),
    status: text('status').notNull().default('scheduled'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the meeting actually opened: the first attendance, vote or decision recorded at or after its start. */
    openedAt: timestamp('opened_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.chairUserId, users),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('committee_meetings_org_ref_uq').on(t.orgId, t.reference),
    index('committee_meetings_org_time_idx').on(t.orgId, t.scheduledAt),
    check('committee_meetings_status_ck', sql`${t.status} in ('scheduled','closed')`),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    present: boolean('present').notNull().default(false),
  },
  (t) => [
    tenantFk(t.orgId, t.meetingId, committeeMeetings, 'cascade'),
    tenantFk(t.orgId, t.userId, users),
    primaryKey({ columns: [t.orgId, t.meetingId, t.userId] }),
  ],
);

/** One application on a meeting's agenda, and the decision taken on it there (once). */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    position: integer('position').notNull(),
    isAppeal: boolean('is_appeal').notNull().default(false),
    decision: text('decision'),
    reasonCodes: jsonb('reason_codes').$type<string[]>(),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    letterReference: text('letter_reference'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.meetingId, committeeMeetings, 'cascade'),
    tenantFk(t.orgId, t.applicationId, applications),
    tenantFk(t.orgId, t.decidedBy, users),
    uniqueIndex('agenda_meeting_application_uq').on(t.orgId, t.meetingId, t.applicationId),
    index('agenda_application_idx').on(t.applicationId),
    check('agenda_decision_ck', sql`${t.decision} is null or ${t.decision} in ('accepted','rejected','deferred')`),
  ],
);

export const committeeVotes = pgTable(
  'committee_votes',
  {
    orgId: orgId(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    userId: uuid('user_id').notNull(),
    vote: text('vote').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantFk(t.orgId, t.agendaItemId, agendaItems, 'cascade'),
    tenantFk(t.orgId, t.userId, users),
    primaryKey({ columns: [t.orgId, t.agendaItemId, t.userId] }),
    check('committee_votes_vote_ck', sql`${t.vote} in ('accept','reject','defer')`),
  ],
);

/** An appeal (تظلم) against a rejection; decided once, at a later meeting. */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    reason: text('reason').notNull(),
    channel: text('channel').notNull(),
    filedBy: uuid('filed_by'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.applicationId, applications),
    tenantFk(t.orgId, t.filedBy, users),
    uniqueIndex('appeals_application_uq').on(t.orgId, t.applicationId),
  ],
);

/** Remaining registration steps after acceptance (استكمال إجراءات التسجيل), from the services' configuration. */
export const completionItems = pgTable(
  'completion_items',
  {
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    stepKey: text('step_key').notNull(),
    labelAr: text('label_ar').notNull(),
    labelEn: text('label_en').notNull(),
    done: boolean('done').notNull().default(false),
    doneBy: uuid('done_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    tenantFk(t.orgId, t.applicationId, applications, 'cascade'),
    tenantFk(t.orgId, t.doneBy, users),
    primaryKey({ columns: [t.orgId, t.applicationId, t.stepKey] }),
  ],
);
