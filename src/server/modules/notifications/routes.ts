import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  DEFAULT_TEMPLATES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  TEMPLATE_KEYS,
  type TemplateKey,
} from '../../../common/domain/notifications';
import { messageTemplates, notifications } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { findOrganization } from '../../seed/organization';
import { beforeAfter } from '../audit/diff';
import { validWhatsAppSignature } from './providers/whatsapp';
import { receiveWhatsApp } from './whatsapp-inbound';

const tags = ['notifications'];

export function registerNotificationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/notifications',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        querystring: z.strictObject({
          status: z.enum(NOTIFICATION_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const user = actorOf(request);
      const rows = await deps.db
        .select()
        .from(notifications)
        .where(
          inOrg(
            notifications,
            user.orgId,
            request.query.status ? eq(notifications.status, request.query.status) : undefined,
          ),
        )
        .orderBy(desc(notifications.createdAt))
        .limit(request.query.limit);
      return {
        mode: deps.config.notify.mode,
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          recipient: r.recipient,
          templateKey: r.templateKey,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          nextAttemptAt: r.nextAttemptAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/notifications/:id/requeue',
    { config: { access: 'notifications.manage' }, schema: { tags, params: idParams, response: noContentResponses } },
    async (request, reply) => {
      const user = actorOf(request);
      const rows = await deps.db.transaction(async (tx) => {
        const updated = await tx
          .update(notifications)
          .set({ status: 'queued', nextAttemptAt: new Date(), leaseUntil: null })
          .where(
            inOrg(
              notifications,
              user.orgId,
              and(eq(notifications.id, request.params.id), inArray(notifications.status, ['given_up', 'unknown'])),
            ),
          )
          .returning({ id: notifications.id });
        if (updated.length > 0)
          await writeAudit(tx, user, requestMeta(request), {
            action: 'notification.requeued',
            entityType: 'notification',
            entityId: request.params.id,
          });
        return updated;
      });
      if (rows.length === 0) throw new AppError('notification.not_requeueable');
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/message-templates',
    { config: { access: 'notifications.manage' }, schema: { tags } },
    async (request) => {
      const user = actorOf(request);
      const custom = await deps.db.select().from(messageTemplates).where(inOrg(messageTemplates, user.orgId));
      return {
        items: TEMPLATE_KEYS.flatMap((key) =>
          NOTIFICATION_CHANNELS.map((channel) => {
            const own = custom.find((t) => t.key === key && t.channel === channel);
            return {
              key,
              channel,
              subject: own?.subject ?? DEFAULT_TEMPLATES[key].subject,
              body: own?.body ?? DEFAULT_TEMPLATES[key].body,
              customised: Boolean(own),
            };
          }),
        ),
      };
    },
  );

  app.put(
    '/api/message-templates/:key/:channel',
    {
      config: { access: 'notifications.manage' },
      schema: {
        tags,
        params: z.strictObject({
          key: z.enum(TEMPLATE_KEYS as [string, ...string[]]),
          channel: z.enum(NOTIFICATION_CHANNELS),
        }),
        body: z.strictObject({
          subject: z.string().trim().max(200).nullable(),
          body: z.string().trim().min(3).max(1000),
        }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      await deps.db.transaction(async (tx) => {
        const [old] = await tx
          .select({ subject: messageTemplates.subject, body: messageTemplates.body })
          .from(messageTemplates)
          .where(
            inOrg(
              messageTemplates,
              user.orgId,
              and(eq(messageTemplates.key, request.params.key), eq(messageTemplates.channel, request.params.channel)),
            ),
          );
        await tx
          .insert(messageTemplates)
          .values({
            orgId: user.orgId,
            key: request.params.key,
            channel: request.params.channel,
            subject: request.body.subject,
            body: request.body.body,
          })
          .onConflictDoUpdate({
            target: [messageTemplates.orgId, messageTemplates.key, messageTemplates.channel],
            set: { subject: request.body.subject, body: request.body.body, updatedAt: new Date() },
          });
        await writeAudit(tx, user, requestMeta(request), {
          action: 'template.updated',
          entityType: 'template',
          entityId: `${request.params.key}/${request.params.channel}`,
          details: beforeAfter(old ?? DEFAULT_TEMPLATES[request.params.key as TemplateKey], request.body),
        });
      });
      return reply.status(204).send();
    },
  );

  // WhatsApp Cloud API webhook: GET answers Meta's verification; POST carries messages, signed with the app secret.
  app.register(async (hook) => {
    hook.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      (request as unknown as { rawBody: Buffer }).rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        const error = new Error('bad json') as Error & { statusCode: number; code: string };
        error.statusCode = 400;
        error.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
        done(error, undefined);
      }
    });
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
    hook.post('/api/webhooks/whatsapp', { config: { access: 'public' }, schema: { tags } }, async (request, reply) => {
      const secret = deps.config.notify.whatsappAppSecret;
      const raw = (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      const signature = request.headers['x-hub-signature-256'];
      if (!secret || !validWhatsAppSignature(raw, typeof signature === 'string' ? signature : undefined, secret))
        throw new AppError('webhook.bad_signature');
      const org = await findOrganization(deps.db, deps.config.orgSlug);
      if (!org) throw new AppError('request.not_found');
      const handled = await receiveWhatsApp(deps, org.id, request.body as Parameters<typeof receiveWhatsApp>[2]);
      return reply.status(200).send({ handled });
    });
  });
}
