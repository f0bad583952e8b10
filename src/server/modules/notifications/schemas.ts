import { z } from 'zod';
import {
  DELIVERY_STATUSES,
  MESSAGE_CATEGORIES,
  messagingSettingsSchema,
  whatsappMappingSchema,
} from '../../../common/domain/messaging';
import { NOTIFICATION_CHANNELS, TEMPLATE_KEYS } from '../../../common/domain/notifications';

export const OUTBOX_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'given_up',
  'unknown',
  'blocked',
  'rerouted',
] as const;

export const outboxQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const outboxMessage = z.object({
  id: z.uuid(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: z.string(),
  templateKey: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime(),
  category: z.enum(MESSAGE_CATEGORIES),
  /** The person is waiting for it: exempt from quiet hours and caps. */
  awaited: z.boolean(),
  /** Why it waits (quiet_hours, promo_hours, frequency_cap), was blocked (opted_out, no_promo_opt_in) or rerouted. */
  holdReason: z.string().nullable(),
  sentAs: z.enum(['text', 'template']).nullable(),
  /** The provider's id of the message (what its receipts name). */
  providerMessageId: z.string().nullable(),
  senderId: z.string().nullable(),
  deliveryStatus: z.enum(DELIVERY_STATUSES).nullable(),
  deliveryError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  readAt: z.iso.datetime().nullable(),
  fallbackOf: z.uuid().nullable(),
  fallbackReason: z.string().nullable(),
});
export const outboxResponse = z.object({ mode: z.enum(['demo', 'live']), items: z.array(outboxMessage) });

export const templateParams = z.strictObject({
  key: z.enum(TEMPLATE_KEYS as [string, ...string[]]),
  channel: z.enum(NOTIFICATION_CHANNELS),
});

export const templateItem = z.object({
  key: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  subject: z.string().nullable(),
  body: z.string(),
  customised: z.boolean(),
  category: z.enum(MESSAGE_CATEGORIES),
  awaited: z.boolean(),
  whatsapp: whatsappMappingSchema.nullable(),
  variables: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
});
export const templateList = z.object({ items: z.array(templateItem) });

export const templateUpdate = z.strictObject({
  subject: z.string().trim().max(200).nullable(),
  body: z.string().trim().min(3).max(1000),
  /** service | awareness | promotional; left out: unchanged (or the event's default). */
  category: z.enum(MESSAGE_CATEGORIES).optional(),
  /** The approved WhatsApp template this one maps to (WhatsApp channel only); null removes it; left out: unchanged. */
  whatsapp: whatsappMappingSchema.nullable().optional(),
});

export const templateVersions = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      subject: z.string().nullable(),
      body: z.string(),
      category: z.enum(MESSAGE_CATEGORIES),
      whatsapp: whatsappMappingSchema.nullable(),
      savedBy: z.string().nullable(),
      savedAt: z.iso.datetime(),
    }),
  ),
});

export { messagingSettingsSchema };

export const contactParams = z.strictObject({ mobile: z.string().min(9).max(20) });
export const contactView = z.object({
  mobile: z.string(),
  optedOut: z.boolean(),
  optedOutAt: z.iso.datetime().nullable(),
  optedOutVia: z.string().nullable(),
  promoOptIn: z.boolean(),
  promoOptInAt: z.iso.datetime().nullable(),
  preferredChannel: z.enum(['sms', 'whatsapp']).nullable(),
  language: z.enum(['ar', 'en']).nullable(),
  lastWhatsappInboundAt: z.iso.datetime().nullable(),
});
export const contactUpdate = z.strictObject({
  optedOut: z.boolean(),
  promoOptIn: z.boolean(),
  preferredChannel: z.enum(['sms', 'whatsapp']).nullable(),
  language: z.enum(['ar', 'en']).nullable(),
});

export const webhookAnswer = z.object({ received: z.boolean(), handled: z.number().int(), retryLater: z.boolean() });

export const inboundQuery = z.strictObject({
  status: z.enum(['received', 'processed', 'failed', 'rejected', 'given_up']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const inboundList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      provider: z.enum(['whatsapp', 'sms']),
      status: z.enum(['received', 'processed', 'failed', 'rejected', 'given_up']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      receivedAt: z.iso.datetime(),
      processedAt: z.iso.datetime().nullable(),
      nextAttemptAt: z.iso.datetime(),
      /** The body as received (first 2,000 characters), for the admin to review a rejected or failed one. */
      excerpt: z.string(),
    }),
  ),
});
