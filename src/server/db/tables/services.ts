import {
  boolean,
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

export type RequiredDocument = { key: string; labelAr: string; labelEn: string };

/** The service catalogue (خدمات الجمعية), managed by the admin. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionAr: text('description_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    requiredDocuments: jsonb('required_documents').$type<RequiredDocument[]>().notNull().default([]),
    /** Steps left after acceptance before the beneficiary is enrolled (e.g. a site visit). */
    completionSteps: jsonb('completion_steps').$type<RequiredDocument[]>().notNull().default([]),
    eligibilityNotesAr: text('eligibility_notes_ar').notNull().default(''),
    /** Days between deliveries of a recurring service (e.g. one tank every 30 days); null when one-off. */
    recurringDays: integer('recurring_days'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('services_org_code_uq').on(t.orgId, t.code),
    index('services_org_idx').on(t.orgId),
  ],
);
