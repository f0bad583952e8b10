import { createHmac, timingSafeEqual } from 'node:crypto';
import { type OutgoingMessage, type Provider, ProviderError } from './types';

/** WhatsApp Business Cloud API: POST {base}/{phone-number-id}/messages with a bearer token. */
export class WhatsAppCloudProvider implements Provider {
  readonly channel = 'whatsapp' as const;
  readonly name = 'whatsapp-cloud';
  constructor(private readonly opts: { baseUrl: string; phoneNumberId: string; token: string; timeoutMs?: number }) {}

  async send(message: OutgoingMessage) {
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl}/${this.opts.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.opts.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: message.to.replace(/^\+/, ''),
          ...(message.template
            ? {
                type: 'template',
                template: {
                  name: message.template.name,
                  language: { code: message.template.language },
                  components:
                    message.template.params.length > 0
                      ? [
                          {
                            type: 'body',
                            parameters: message.template.params.map((text) => ({ type: 'text', text })),
                          },
                        ]
                      : [],
                },
              }
            : message.list
              ? {
                  type: 'interactive',
                  interactive: {
                    type: 'list',
                    body: { text: message.list.body },
                    action: { button: message.list.button, sections: message.list.sections },
                  },
                }
              : { type: 'text', text: { preview_url: false, body: message.body } }),
          biz_opaque_callback_data: message.idempotencyKey,
        }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ProviderError(`whatsapp: ${(error as Error).message}`);
    }
    const json = (await res.json().catch(() => null)) as {
      messages?: { id: string }[];
      error?: { message?: string };
    } | null;
    const id = json?.messages?.[0]?.id;
    if (!res.ok || !id)
      throw new ProviderError(
        `whatsapp ${res.status}: ${json?.error?.message ?? ''}`.trim(),
        res.status >= 500 || res.status === 429,
      );
    return { providerMessageId: id };
  }
}

/** Checks Meta's X-Hub-Signature-256 header: HMAC-SHA256 of the raw body with the app secret. */
export function validWhatsAppSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', appSecret).update(rawBody).digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  return expected.length === given.length && timingSafeEqual(expected, given);
}
