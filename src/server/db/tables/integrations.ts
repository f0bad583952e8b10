import { sql } from 'drizzle-orm';
import {
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
import { branches, organizations } from './organizations';
import { tenantFk } from './tenant-keys';
import { users } from './users';

/** Per module: `read` or `write` (write includes read). `personal` opens the beneficiary's sensitive fields. */
export type TokenScopes = { modules: Record<string, 'read' | 'write'>; personal: boolean };

/**
 * API tokens of machine clients (issue 21). Only the SHA-256 of the token is kept; `prefix` lets the admin tell
 * tokens apart. Each token acts through its own disabled `users` row (`user_id`), so whatever it writes names
 * the integration and every foreign key to users holds; that row can never sign in.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: jsonb('scopes').$type<TokenScopes>().notNull(),
    branchId: uuid('branch_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.userId, users),
    tenantFk(t.orgId, t.branchId, branches),
    tenantFk(t.orgId, t.createdBy, users),
    uniqueIndex('api_tokens_hash_uq').on(t.tokenHash),
    index('api_tokens_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('api_tokens_org_user_uq').on(t.orgId, t.userId),
  ],
);

/** An admin's subscription of an outside URL to events; the secret signs each delivery (HMAC-SHA256). */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    events: jsonb('events').$type<string[]>().notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    tenantFk(t.orgId, t.createdBy, users),
    index('webhook_subscriptions_org_idx').on(t.orgId, t.createdAt),
  ],
);

/**
 * The delivery log: one row per attempt to POST a webhook (the message itself is a `notifications` outbox row of
 * channel `webhook`, whose id is the delivery id the receiver sees).
 */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    notificationId: uuid('notification_id').notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('webhook_attempts_notification_idx').on(t.orgId, t.notificationId, t.at),
    check('webhook_attempts_attempt_ck', sql`${t.attempt} > 0`),
  ],
);
