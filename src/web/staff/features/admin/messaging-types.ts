/** Shapes of the message APIs (server: modules/notifications; decision 019). */
import type { MessageCategory, MessagingSettings, WhatsAppMapping } from '../../../../common/domain/messaging';

export type { MessageCategory, MessagingSettings, WhatsAppMapping };

export const OUTBOX_STATUS_LIST = [
  'queued',
  'sending',
  'sent',
  'failed',
  'given_up',
  'unknown',
  'blocked',
  'rerouted',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUS_LIST)[number];
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export type OutboxItem = {
  id: string;
  channel: string;
  recipient: string;
  templateKey: string;
  subject: string | null;
  body: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
  category: MessageCategory;
  awaited: boolean;
  /** quiet_hours, promo_hours, frequency_cap (waiting); opted_out, no_promo_opt_in (blocked); whatsapp_window. */
  holdReason: string | null;
  sentAs: 'text' | 'template' | null;
  providerMessageId: string | null;
  senderId: string | null;
  deliveryStatus: DeliveryStatus | null;
  deliveryError: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  fallbackOf: string | null;
  fallbackReason: string | null;
};
export type OutboxList = { mode: 'demo' | 'live'; items: OutboxItem[] };

export type TemplateItem = {
  key: string;
  channel: string;
  subject: string | null;
  body: string;
  customised: boolean;
  category: MessageCategory;
  /** The person is waiting for it (codes, replies): exempt from quiet hours. */
  awaited: boolean;
  whatsapp: WhatsAppMapping | null;
  variables: string[];
  version: number;
  updatedAt: string | null;
};

export type TemplateSave = {
  subject: string | null;
  body: string;
  category: MessageCategory;
  whatsapp?: WhatsAppMapping | null;
};

export type TemplateVersion = {
  version: number;
  subject: string | null;
  body: string;
  category: MessageCategory;
  whatsapp: WhatsAppMapping | null;
  savedBy: string | null;
  savedAt: string;
};

export type MessageContact = {
  mobile: string;
  optedOut: boolean;
  optedOutAt: string | null;
  optedOutVia: string | null;
  promoOptIn: boolean;
  promoOptInAt: string | null;
  preferredChannel: 'sms' | 'whatsapp' | null;
  language: 'ar' | 'en' | null;
  lastWhatsappInboundAt: string | null;
};
export type ContactSave = Pick<MessageContact, 'optedOut' | 'promoOptIn' | 'preferredChannel' | 'language'>;
