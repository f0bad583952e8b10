import type { Db } from '../../db/client';
import { ProviderError } from '../../provider-error';
import { getSubscriptionForSending, recordAttempt } from './queries';
import { signWebhook } from './signature';

const TIMEOUT_MS = 10_000;

export type WebhookMessage = {
  id: string;
  orgId: string;
  recipient: string;
  templateKey: string;
  body: string;
  attempts: number;
};

/**
 * POSTs one queued webhook (an outbox row of channel `webhook`) to its subscription's URL, signed afresh for
 * this attempt, and logs the attempt. Any 2xx is delivered; anything else (redirects included: we do not follow
 * them) is a failure the outbox retries with its backoff; a subscription switched off gives up at once.
 */
export async function deliverWebhook(
  db: Db,
  m: WebhookMessage,
  now: Date,
): Promise<{ providerMessageId: string; senderId?: string }> {
  const subscription = await getSubscriptionForSending(db, m.orgId, m.recipient);
  if (!subscription || subscription.disabledAt) throw new ProviderError('subscription switched off', false);
  const eventId = (JSON.parse(m.body) as { id: string }).id;
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(subscription.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Wasl-Webhooks/1',
        'wasl-event': m.templateKey,
        'wasl-event-id': eventId,
        'wasl-delivery-id': m.id,
        'wasl-signature': signWebhook(subscription.secret, m.body, now),
      },
      body: m.body,
    });
    statusCode = response.status;
    // The receiver's answer is not kept; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (cause) {
    error = String((cause as Error).message).slice(0, 300);
  }
  await recordAttempt(db, {
    orgId: m.orgId,
    notificationId: m.id,
    subscriptionId: subscription.id,
    attempt: m.attempts,
    statusCode,
    error,
    durationMs: Date.now() - started,
  });
  if (error) throw new ProviderError(error, true);
  return { providerMessageId: `${statusCode}` };
}
