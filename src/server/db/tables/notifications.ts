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
import { organizations } from './organizations';

/**
 * The outbox: a message is a row written in the same transaction as the change that causes it, then sent by
 * the worker. `idempotency_key` makes a second enqueue of the same message a no-op; the worker moves a row
 * to `sending` before calling the provider, so a crash leaves it there (reviewed, never sent twice).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    templateKey: text('template_key').notNull(),
    variables: jsonb('variables').$type<Record<string, string>>().notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** service | awareness | promotional (decision 019). */
    category: text('category').notNull().default('service'),
    /** The person is waiting for it (a code, a reply): exempt from quiet hours and caps. */
    awaited: boolean('awaited').notNull().default(false),
    /** Why a queued message waits (quiet_hours, promo_hours, frequency_cap) or was blocked / rerouted. */
    holdReason: text('hold_reason'),
    /** How it went out: text, or a WhatsApp template; and the SMS sender name used. */
    sentAs: text('sent_as'),
    senderId: text('sender_id'),
    /** What the provider's receipts said: sent, delivered, read, failed (with the reason). */
    deliveryStatus: text('delivery_status'),
    deliveryError: text('delivery_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** A fallback message points at the one it replaces, with the reason. */
    fallbackOf: uuid('fallback_of'),
    fallbackReason: text('fallback_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('notifications_org_idem_uq').on(t.orgId, t.idempotencyKey),
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_org_created_idx').on(t.orgId, t.createdAt),
    index('notifications_provider_msg_idx').on(t.providerMessageId),
    index('notifications_recipient_idx').on(t.orgId, t.recipient, t.createdAt),
    check(
      'notifications_status_ck',
      sql`${t.status} in ('queued','sending','sent','failed','given_up','unknown','blocked','rerouted')`,
    ),
    check('notifications_channel_ck', sql`${t.channel} in ('sms','whatsapp','email','webhook')`),
  ],
);

/** Arabic message templates per event and channel, edited by the admin; code holds the defaults. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    key: text('key').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null: the event's default category. */
    category: text('category'),
    /** The approved WhatsApp template this one maps to (name, language, parameters), if any. */
    whatsapp: jsonb('whatsapp').$type<{ name: string; language: string; params: string[] } | null>(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key, t.channel] })],
);

/** Every saved version of a template, with who saved it and when. */
export const messageTemplateVersions = pgTable(
  'message_template_versions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    key: text('key').notNull(),
    channel: text('channel').notNull(),
    version: integer('version').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    category: text('category').notNull(),
    whatsapp: jsonb('whatsapp').$type<{ name: string; language: string; params: string[] } | null>(),
    savedBy: uuid('saved_by'),
    savedByName: text('saved_by_name'),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key, t.channel, t.version] })],
);

/** One-time codes for the portal: stored hashed, tied to a purpose and a reference, single use. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    purpose: text('purpose').notNull(),
    reference: text('reference').notNull(),
    mobile: text('mobile').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('otp_lookup_idx').on(t.orgId, t.purpose, t.reference, t.createdAt),
    index('otp_mobile_idx').on(t.mobile, t.createdAt),
    index('otp_ip_idx').on(t.ip, t.createdAt),
  ],
);

/** Inbound provider messages already processed (webhooks are retried by the provider). */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    provider: text('provider').notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider, t.providerMessageId] })],
);

/** A short-lived grant after a portal one-time code: lets that person add documents to that application. */
export const portalGrants = pgTable(
  'portal_grants',
  {
    id: text('id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    applicationId: uuid('application_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
