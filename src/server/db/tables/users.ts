import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  inet,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { branches, organizations } from './organizations';
import { tenantFk } from './tenant-keys';

export const users = pgTable(
  'users',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    branchId: uuid('branch_id'),
    /** Lower-case, unique across the installation so sign-in needs no organisation field. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    disabled: boolean('disabled').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpRequired: boolean('totp_required').notNull().default(false),
    /** The last TOTP time step accepted for this account: a code of that step or earlier is refused (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Set when an admin resets the password: every route but the user's own session routes waits for a change. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    locale: text('locale').notNull().default('ar'),
    digits: text('digits').notNull().default('arab'),
    /** Where the optional daily digest goes (the user's own work address); null until they give one. */
    email: text('email'),
    /** The user asked for one e-mail a day listing their unread notices and My work counts (issue 12). */
    dailyDigest: boolean('daily_digest').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.branchId, branches),
    uniqueIndex('users_username_uq').on(t.orgId, t.username),
    index('users_org_idx').on(t.orgId),
    check(
      'users_role_ck',
      sql`${t.role} in ('admin','manager','officer','execution_officer','committee','branch_rep')`,
    ),
    check('users_locale_ck', sql`${t.locale} in ('ar','en')`),
    check('users_digits_ck', sql`${t.digits} in ('arab','latn')`),
  ],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie token, so a leaked table grants no session. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    /** Set when an admin revoked the user's sessions: the row stays until it expires so the phone can be told why. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users, 'cascade'),
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/** Failed sign-ins, counted over a sliding window for the login rate limit. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: inet('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_user_at_idx').on(t.username, t.at), index('login_failures_ip_at_idx').on(t.ip, t.at)],
);

/** One-time recovery codes for two-step sign-in, stored as SHA-256 hashes; a used code keeps its used_at. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer('id').notNull().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users, 'cascade'),
    uniqueIndex('recovery_codes_user_hash_uq').on(t.orgId, t.userId, t.codeHash),
  ],
);

/**
 * Browsers (by the hash of their known-device cookie) and addresses a user has signed in from. While an account
 * is under attack, sign-in from one of these still goes through (docs/decisions/017).
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    id: integer('id').notNull().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    ip: inet('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users, 'cascade'),
    // One row per browser and address it was used from, so a later sign-in elsewhere keeps the earlier address.
    unique('known_devices_user_token_ip_uq').on(t.orgId, t.userId, t.tokenHash, t.ip).nullsNotDistinct(),
    index('known_devices_user_ip_idx').on(t.userId, t.ip),
  ],
);
