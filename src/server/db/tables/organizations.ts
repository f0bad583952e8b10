import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Raw bytes (PGlite returns Uint8Array, node-postgres a Buffer; both become a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** One association (جمعية). Every association-owned table carries org_id. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  /**
   * The host name this association is reached at on a shared deployment (issue 20), e.g. `maa.wasl.example`:
   * the sign-in page, portal and survey links of a request to it are this association's. Lower-case, no port.
   */
  host: text('host').unique(),
  nameAr: text('name_ar').notNull(),
  nameEn: text('name_en').notNull(),
  /** Association-specific configuration (committee target days, TOTP policy, …); validated in common/domain/settings.ts. */
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  /** The association's logo (PNG, JPEG or WebP, ≤ 512 KB), kept in the database so a backup carries it. */
  logo: bytea('logo'),
  logoMime: text('logo_mime'),
  logoUpdatedAt: timestamp('logo_updated_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const branches = pgTable(
  'branches',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    /** The districts and villages the branch serves (its representatives cover them). */
    areas: jsonb('areas').$type<string[]>().notNull().default([]),
    addressAr: text('address_ar').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** A closed branch stays for the records that name it; it takes no new files. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('branches_org_code_uq').on(t.orgId, t.code),
    index('branches_org_idx').on(t.orgId),
  ],
);
