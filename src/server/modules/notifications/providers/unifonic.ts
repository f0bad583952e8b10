import { type OutgoingMessage, type Provider, ProviderError } from './types';

/**
 * SMS through Unifonic's REST API (a Saudi provider): POST {base}/rest/SMS/messages, form-encoded AppSid,
 * SenderID, Recipient (international, no + or 00), Body, responseType=JSON and CorrelationID (our outbox key).
 */
export class UnifonicSmsProvider implements Provider {
  readonly channel = 'sms' as const;
  readonly name = 'unifonic';
  constructor(private readonly opts: { baseUrl: string; appSid: string; senderId: string; timeoutMs?: number }) {}

  async send(message: OutgoingMessage) {
    const senderId = message.promotional ? (message.senderId ?? `${this.opts.senderId}-AD`) : this.opts.senderId;
    const form = new URLSearchParams({
      AppSid: this.opts.appSid,
      SenderID: senderId,
      Recipient: message.to.replace(/^\+/, ''),
      Body: message.body,
      responseType: 'JSON',
      CorrelationID: message.idempotencyKey,
    });
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl}/rest/SMS/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ProviderError(`unifonic: ${(error as Error).message}`);
    }
    const json = (await res.json().catch(() => null)) as {
      success?: boolean | string;
      errorCode?: string;
      message?: string;
      data?: { MessageID?: string | number };
    } | null;
    if (!res.ok || !json || (json.success !== true && json.success !== 'true')) {
      throw new ProviderError(
        `unifonic ${res.status}: ${json?.errorCode ?? ''} ${json?.message ?? ''}`.trim(),
        res.status >= 500 || res.status === 429,
      );
    }
    return { providerMessageId: String(json.data?.MessageID ?? message.idempotencyKey), senderId };
  }
}
