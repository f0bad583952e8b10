import { z } from 'zod';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { publicOrgId } from '../../http/host-org';
import { errorResponses } from '../../http/schemas';
import { processWebhookEvent, storeWebhook, type WebhookProvider } from './inbound';
import { validWhatsAppSignature } from './providers/whatsapp';
import { webhookAnswer } from './schemas';

const tags = ['notifications'];

/**
 * The providers' webhooks. Each signed body is stored first, then validated, then processed once; a body that
 * fails to process is retried by a job (decision 019). Unsigned bodies are refused and not stored.
 */
export function registerWebhookRoutes(app: App, deps: Deps): void {
  app.register(async (hook) => {
    // The signature covers the raw bytes, so the body is kept as it came; it is parsed after it is stored.
    hook.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      (request as unknown as { rawBody: Buffer }).rawBody = body as Buffer;
      done(null, {});
    });

    // WhatsApp Cloud API: GET answers Meta's verification.
    hook.get(
      '/api/webhooks/whatsapp',
      {
        config: { access: 'public' },
        schema: {
          tags,
          querystring: z.object({
            'hub.mode': z.string().optional(),
            'hub.verify_token': z.string().optional(),
            'hub.challenge': z.string().optional(),
          }),
        },
      },
      async (request, reply) => {
        const q = request.query as Record<string, string | undefined>;
        const expected = deps.config.notify.whatsappVerifyToken;
        if (q['hub.mode'] === 'subscribe' && expected && q['hub.verify_token'] === expected)
          return reply.type('text/plain').send(q['hub.challenge'] ?? '');
        throw new AppError('webhook.verify_failed');
      },
    );

    const receive = (provider: WebhookProvider, header: string, secret: () => string | null) =>
      hook.post(
        `/api/webhooks/${provider}`,
        {
          config: { access: 'public' },
          schema: {
            tags,
            description:
              provider === 'whatsapp'
                ? 'WhatsApp Cloud API messages and statuses, signed with X-Hub-Signature-256 (HMAC-SHA256, app secret).'
                : 'SMS delivery reports and replies, signed with X-Wasl-Signature (HMAC-SHA256 of the body, SMS_WEBHOOK_SECRET).',
            response: { 200: webhookAnswer, ...errorResponses },
          },
        },
        async (request) => {
          const raw = (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
          const signature = request.headers[header];
          const key = secret();
          if (!key || !validWhatsAppSignature(raw, typeof signature === 'string' ? signature : undefined, key))
            throw new AppError('webhook.bad_signature');
          // Each association's provider account posts to that association's host (issue 20).
          const orgId = await publicOrgId(deps, request);
          const stored = await storeWebhook(deps.db, orgId, provider, raw.toString('utf8'));
          if (!stored.valid) throw new AppError('notifications.webhook_invalid');
          const result = await processWebhookEvent(deps, stored.id);
          return { received: true, handled: result?.handled ?? 0, retryLater: result?.failed ?? false };
        },
      );
    receive('whatsapp', 'x-hub-signature-256', () => deps.config.notify.whatsappAppSecret);
    receive('sms', 'x-wasl-signature', () => deps.config.notify.smsWebhookSecret);
  });
}
