import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

/** The association's message rules (quiet hours, promotional sender and hours, frequency cap). */
export const messagingSettings = pgTable('messaging_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a person (one mobile number) told us about messages: opted out of non-service messages (by replying
 * إيقاف/STOP or at the desk), opted in to promotional ones, the channel and language they prefer, and when they
 * last wrote on WhatsApp (which opens the 24-hour window for free text).
 */
export const messageContacts = pgTable(
  'message_contacts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    address: text('address').notNull(),
    optedOut: boolean('opted_out').notNull().default(false),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    /** sms | whatsapp | desk */
    optedOutVia: text('opted_out_via'),
    promoOptIn: boolean('promo_opt_in').notNull().default(false),
    promoOptInAt: timestamp('promo_opt_in_at', { withTimezone: true }),
    preferredChannel: text('preferred_channel'),
    language: text('language'),
    lastWhatsappInboundAt: timestamp('last_whatsapp_inbound_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.address] }),
    check(
      'message_contacts_channel_ck',
      sql`${t.preferredChannel} is null or ${t.preferredChannel} in ('sms','whatsapp')`,
    ),
    check('message_contacts_language_ck', sql`${t.language} is null or ${t.language} in ('ar','en')`),
  ],
);

/**
 * Every signed inbound webhook body, stored before it is processed (decision 019): a body that fails to
 * process stays `failed` and is retried by a job; a body that does not fit the schema is kept as `rejected`.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    provider: text('provider').notNull(),
    raw: text('raw').notNull(),
    payload: jsonb('payload'),
    status: text('status').notNull().default('received'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('webhook_events_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_events_org_received_idx').on(t.orgId, t.receivedAt),
    check('webhook_events_status_ck', sql`${t.status} in ('received','processed','failed','rejected','given_up')`),
  ],
);
