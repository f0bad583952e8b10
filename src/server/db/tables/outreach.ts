import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  numeric,
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

/** Visit slots a branch publishes for in-person meetings (المقابلة). */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    branchId: uuid('branch_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.createdBy, users),
    index('appointment_slots_branch_idx').on(t.branchId, t.startsAt),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    slotId: uuid('slot_id').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status').notNull().default('booked'),
    bookedBy: uuid('booked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    interactionId: uuid('interaction_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.slotId, appointmentSlots),
    tenantFk(t.orgId, t.beneficiaryId, beneficiaries),
    tenantFk(t.orgId, t.bookedBy, users),
    // No double booking: a slot holds one live appointment.
    uniqueIndex('appointments_live_slot_uq').on(t.orgId, t.slotId).where(sql`${t.status} in ('booked','held')`),
    index('appointments_beneficiary_idx').on(t.beneficiaryId),
    check('appointments_status_ck', sql`${t.status} in ('booked','held','no_show','cancelled')`),
  ],
);

/** Volunteers (خدمة التطوع): sign-ups arrive on the volunteering channel. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    branchId: uuid('branch_id'),
    name: text('name').notNull(),
    mobile: text('mobile').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    availability: text('availability').notNull().default(''),
    status: text('status').notNull().default('applied'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.branchId, branches),
    uniqueIndex('volunteers_org_mobile_uq').on(t.orgId, t.mobile),
    check('volunteers_status_ck', sql`${t.status} in ('applied','active','inactive')`),
  ],
);

export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    volunteerId: uuid('volunteer_id').notNull(),
    workedOn: date('worked_on').notNull(),
    hours: numeric('hours', { precision: 5, scale: 2 }).notNull(),
    task: text('task').notNull(),
    deliveryId: uuid('delivery_id'),
    loggedBy: uuid('logged_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.volunteerId, volunteers, 'cascade'),
    tenantFk(t.orgId, t.loggedBy, users),
    index('volunteer_hours_volunteer_idx').on(t.volunteerId, t.workedOn),
  ],
);

/** An association's settings for each proactive rule (absent row = the rule's defaults, enabled). */
export const outreachRules = pgTable(
  'outreach_rules',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    key: text('key').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    params: jsonb('params').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

/** Each run of the rules, with what every rule created. */
export const outreachRuns = pgTable(
  'outreach_runs',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    results: jsonb('results').$type<Record<string, { tasks: number; messages: number }>>(),
    trigger: text('trigger').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('outreach_runs_org_idx').on(t.orgId, t.startedAt)],
);
