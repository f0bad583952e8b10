import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { allowedTemplateVariables, type MessageCategory, TEMPLATE_KIND } from '../../../common/domain/messaging';
import {
  DEFAULT_TEMPLATES,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  TEMPLATE_KEYS,
  type TemplateKey,
} from '../../../common/domain/notifications';
import { messageTemplates, messageTemplateVersions, notifications } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { registerMessagingRoutes } from './messaging-routes';
import { presentMessage } from './present';
import { saveTemplate } from './save-template';
import { outboxQuery, outboxResponse, templateList, templateParams, templateUpdate, templateVersions } from './schemas';
import { registerWebhookRoutes } from './webhook-routes';

const tags = ['notifications'];

export function registerNotificationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/notifications',
    {
      config: { access: 'notifications.manage' },
      schema: { tags, querystring: outboxQuery, response: { 200: outboxResponse, ...errorResponses } },
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
            ne(notifications.channel, 'webhook'),
          ),
        )
        .orderBy(desc(notifications.createdAt))
        .limit(request.query.limit);
      return { mode: deps.config.notify.mode, items: rows.map(presentMessage) };
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
    {
      config: { access: 'notifications.manage' },
      schema: { tags, response: { 200: templateList, ...errorResponses } },
    },
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
              subject: own ? own.subject : DEFAULT_TEMPLATES[key].subject,
              body: own?.body ?? DEFAULT_TEMPLATES[key].body,
              customised: Boolean(own),
              category: (own?.category as MessageCategory | null) ?? TEMPLATE_KIND[key].category,
              awaited: TEMPLATE_KIND[key].awaited,
              whatsapp: own?.whatsapp ?? null,
              variables: allowedTemplateVariables(key),
              version: own?.version ?? 0,
              updatedAt: own?.updatedAt.toISOString() ?? null,
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
      schema: { tags, params: templateParams, body: templateUpdate, response: noContentResponses },
    },
    async (request, reply) => {
      await saveTemplate(
        deps.db,
        actorOf(request),
        requestMeta(request),
        request.params.key as TemplateKey,
        request.params.channel,
        request.body,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/message-templates/:key/:channel/versions',
    {
      config: { access: 'notifications.manage' },
      schema: { tags, params: templateParams, response: { 200: templateVersions, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const rows = await deps.db
        .select()
        .from(messageTemplateVersions)
        .where(
          inOrg(
            messageTemplateVersions,
            user.orgId,
            and(
              eq(messageTemplateVersions.key, request.params.key),
              eq(messageTemplateVersions.channel, request.params.channel as NotificationChannel),
            ),
          ),
        )
        .orderBy(desc(messageTemplateVersions.version));
      return {
        items: rows.map((r) => ({
          version: r.version,
          subject: r.subject,
          body: r.body,
          category: r.category as MessageCategory,
          whatsapp: r.whatsapp ?? null,
          savedBy: r.savedByName,
          savedAt: r.savedAt.toISOString(),
        })),
      };
    },
  );

  registerMessagingRoutes(app, deps);
  registerWebhookRoutes(app, deps);
}
