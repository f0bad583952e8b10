import { desc, eq } from 'drizzle-orm';
import { normalizeSaudiMobile } from '../../../common/saudi';
import { webhookEvents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import {
  getContact,
  getMessagingSettings,
  type MessageContact,
  saveMessagingSettings,
  upsertContact,
} from './messaging-queries';
import {
  contactParams,
  contactUpdate,
  contactView,
  inboundList,
  inboundQuery,
  messagingSettingsSchema,
} from './schemas';

const tags = ['notifications'];

function presentContact(mobile: string, c: MessageContact | null) {
  return {
    mobile,
    optedOut: c?.optedOut ?? false,
    optedOutAt: c?.optedOutAt?.toISOString() ?? null,
    optedOutVia: c?.optedOutVia ?? null,
    promoOptIn: c?.promoOptIn ?? false,
    promoOptInAt: c?.promoOptInAt?.toISOString() ?? null,
    preferredChannel: (c?.preferredChannel as 'sms' | 'whatsapp' | null) ?? null,
    language: (c?.language as 'ar' | 'en' | null) ?? null,
    lastWhatsappInboundAt: c?.lastWhatsappInboundAt?.toISOString() ?? null,
  };
}

function mobileOf(raw: string): string {
  const mobile = normalizeSaudiMobile(raw);
  if (!mobile) throw new AppError('notifications.bad_mobile');
  return mobile;
}

/** The message rules (quiet hours, promotional sender and hours, cap) and each person's choices. */
export function registerMessagingRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/messaging/settings',
    {
      config: { access: 'notifications.manage' },
      schema: { tags, response: { 200: messagingSettingsSchema, ...errorResponses } },
    },
    async (request) => getMessagingSettings(deps.db, actorOf(request).orgId),
  );

  app.put(
    '/api/messaging/settings',
    {
      config: { access: 'notifications.manage' },
      schema: { tags, body: messagingSettingsSchema, response: { 200: messagingSettingsSchema, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      return deps.db.transaction(async (tx) => {
        const before = await getMessagingSettings(tx, user.orgId);
        const after = request.body;
        await saveMessagingSettings(tx, user.orgId, after);
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
        await writeAudit(tx, user, requestMeta(request), {
          action: 'messaging.settings_updated',
          entityType: 'organization',
          entityId: user.orgId,
          details: {
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          },
        });
        return after;
      });
    },
  );

  // What the providers sent us: every stored webhook body with its state (processed, failed and retried, rejected).
  app.get(
    '/api/messaging/inbound',
    {
      config: { access: 'notifications.manage' },
      schema: { tags, querystring: inboundQuery, response: { 200: inboundList, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const rows = await deps.db
        .select()
        .from(webhookEvents)
        .where(
          inOrg(
            webhookEvents,
            user.orgId,
            request.query.status ? eq(webhookEvents.status, request.query.status) : undefined,
          ),
        )
        .orderBy(desc(webhookEvents.receivedAt))
        .limit(request.query.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          provider: r.provider as 'whatsapp' | 'sms',
          status: r.status as 'received' | 'processed' | 'failed' | 'rejected' | 'given_up',
          attempts: r.attempts,
          lastError: r.lastError,
          receivedAt: r.receivedAt.toISOString(),
          processedAt: r.processedAt?.toISOString() ?? null,
          nextAttemptAt: r.nextAttemptAt.toISOString(),
          excerpt: r.raw.slice(0, 2000),
        })),
      };
    },
  );

  app.get(
    '/api/messaging/contacts/:mobile',
    {
      config: { access: 'messaging.contacts' },
      schema: { tags, params: contactParams, response: { 200: contactView, ...errorResponses } },
    },
    async (request) => {
      const mobile = mobileOf(request.params.mobile);
      return presentContact(mobile, await getContact(deps.db, actorOf(request).orgId, mobile));
    },
  );

  app.put(
    '/api/messaging/contacts/:mobile',
    {
      config: { access: 'messaging.contacts' },
      schema: { tags, params: contactParams, body: contactUpdate, response: { 200: contactView, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const mobile = mobileOf(request.params.mobile);
      const input = request.body;
      return deps.db.transaction(async (tx) => {
        const current = await getContact(tx, user.orgId, mobile);
        const before = presentContact(mobile, current);
        const now = new Date();
        await upsertContact(tx, user.orgId, mobile, {
          optedOut: input.optedOut,
          ...(input.optedOut !== before.optedOut
            ? { optedOutAt: input.optedOut ? now : null, optedOutVia: input.optedOut ? 'desk' : null }
            : {}),
          promoOptIn: input.promoOptIn,
          ...(input.promoOptIn !== before.promoOptIn ? { promoOptInAt: input.promoOptIn ? now : null } : {}),
          preferredChannel: input.preferredChannel,
          language: input.language,
        });
        const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => before[k] !== input[k]);
        await writeAudit(tx, user, requestMeta(request), {
          action: 'messaging.contact_updated',
          entityType: 'message_contact',
          entityId: mobile,
          details: {
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, input[k]])),
          },
        });
        return presentContact(mobile, await getContact(tx, user.orgId, mobile));
      });
    },
  );
}
