import type { NotificationChannel } from '../../../../common/domain/notifications';

export type OutgoingMessage = {
  to: string;
  subject: string | null;
  body: string;
  idempotencyKey: string;
  /** Promotional SMS go out under the `-AD` sender (the override from settings, else the sender with `-AD`). */
  promotional?: boolean;
  senderId?: string | null;
  /** WhatsApp outside the 24-hour window: an approved template with its parameters, in order. */
  template?: { name: string; language: string; params: string[] };
  /** WhatsApp inside the 24-hour window: an interactive list (the satisfaction question, decision 024). */
  list?: WhatsAppList;
};

/** A WhatsApp interactive list: at most 10 rows in all; row ids come back in the person's `list_reply`. */
export type WhatsAppList = {
  body: string;
  button: string;
  sections: { title: string; rows: { id: string; title: string; description?: string }[] }[];
};

/** One interface for every way a message leaves: the worker does not know which provider it talks to. */
export interface Provider {
  readonly channel: NotificationChannel;
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string; senderId?: string }>;
}

export { ProviderError } from '../../../provider-error';
