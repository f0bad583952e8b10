import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { createToken } from './create-token';
import { presentSubscription, presentToken } from './present';
import { listDeliveries, listSubscriptions, listTokens } from './queries';
import { resendDelivery } from './resend-delivery';
import { revokeToken } from './revoke-token';
import {
  deliveryList,
  deliveryQuery,
  resent,
  subscriptionCreate,
  subscriptionCreated,
  subscriptionList,
  tokenCreate,
  tokenCreated,
  tokenList,
  tokenSelf,
} from './schemas';
import { subscribeWebhook, unsubscribeWebhook } from './subscribe-webhook';

const tags = ['integrations'];
const manage = { access: 'integrations.manage' } as const;

export function registerIntegrationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/integrations/tokens',
    { config: manage, schema: { tags, response: { 200: tokenList, ...errorResponses } } },
    async (request) => ({ items: (await listTokens(deps.db, actorOf(request).orgId)).map(presentToken) }),
  );

  app.post(
    '/api/integrations/tokens',
    { config: manage, schema: { tags, body: tokenCreate, response: { 201: tokenCreated, ...errorResponses } } },
    async (request, reply) => {
      const row = await createToken(deps.db, actorOf(request), requestMeta(request), request.body);
      return reply.status(201).send({ ...presentToken(row), token: row.token });
    },
  );

  app.post(
    '/api/integrations/tokens/:id/revoke',
    { config: manage, schema: { tags, params: idParams, response: noContentResponses } },
    async (request, reply) => {
      await revokeToken(deps.db, actorOf(request), requestMeta(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // Bearer only: what the calling token is and may do (no staff role has `integration.self`).
  app.get(
    '/api/integrations/token',
    { config: { access: 'integration.self' }, schema: { tags, response: { 200: tokenSelf, ...errorResponses } } },
    async (request) => {
      const auth = request.auth!;
      return {
        id: auth.token!.id,
        name: auth.token!.name,
        branchId: auth.user.branchId,
        actions: [...(auth.user.scopes ?? [])],
      };
    },
  );

  app.get(
    '/api/integrations/webhooks',
    { config: manage, schema: { tags, response: { 200: subscriptionList, ...errorResponses } } },
    async (request) => ({
      items: (await listSubscriptions(deps.db, actorOf(request).orgId)).map(presentSubscription),
    }),
  );

  app.post(
    '/api/integrations/webhooks',
    {
      config: manage,
      schema: { tags, body: subscriptionCreate, response: { 201: subscriptionCreated, ...errorResponses } },
    },
    async (request, reply) => {
      const row = await subscribeWebhook(deps.db, deps.config, actorOf(request), requestMeta(request), request.body);
      return reply.status(201).send({ ...presentSubscription(row), secret: row.secret });
    },
  );

  app.post(
    '/api/integrations/webhooks/:id/disable',
    { config: manage, schema: { tags, params: idParams, response: noContentResponses } },
    async (request, reply) => {
      await unsubscribeWebhook(deps.db, actorOf(request), requestMeta(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/integrations/webhooks/:id/deliveries',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        querystring: deliveryQuery,
        response: { 200: deliveryList, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listDeliveries(deps.db, actorOf(request).orgId, request.params.id, request.query.limit);
      return {
        items: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          nextAttemptAt: r.nextAttemptAt.toISOString(),
          tries: r.tries.map(({ notificationId: _n, ...t }) => ({ ...t, at: t.at.toISOString() })),
        })),
      };
    },
  );

  app.post(
    '/api/integrations/deliveries/:id/resend',
    { config: manage, schema: { tags, params: idParams, response: { 201: resent, ...errorResponses } } },
    async (request, reply) => {
      const id = await resendDelivery(deps.db, actorOf(request), requestMeta(request), request.params.id);
      return reply.status(201).send({ id });
    },
  );
}
