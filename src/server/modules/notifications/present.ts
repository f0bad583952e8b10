import type { z } from 'zod';
import type { MessageCategory } from '../../../common/domain/messaging';
import type { notifications } from '../../db/tables/index';
import type { outboxMessage } from './schemas';

type Out = z.infer<typeof outboxMessage>;

export function presentMessage(r: typeof notifications.$inferSelect): Out {
  return {
    id: r.id,
    channel: r.channel as Out['channel'],
    recipient: r.recipient,
    templateKey: r.templateKey,
    subject: r.subject,
    body: r.body,
    status: r.status as Out['status'],
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    category: r.category as MessageCategory,
    awaited: r.awaited,
    holdReason: r.holdReason,
    sentAs: r.sentAs as Out['sentAs'],
    providerMessageId: r.providerMessageId,
    senderId: r.senderId,
    deliveryStatus: r.deliveryStatus as Out['deliveryStatus'],
    deliveryError: r.deliveryError,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    readAt: r.readAt?.toISOString() ?? null,
    fallbackOf: r.fallbackOf,
    fallbackReason: r.fallbackReason,
  };
}
