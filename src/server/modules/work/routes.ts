import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { staffNotifications } from '../../db/tables/index';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { getMyWork } from './get-my-work';
import { countUnread, listNotifications } from './queries';
import { markReadInput, notificationsQuery, notificationsResponse, workQuery, workResponse } from './schema';

const tags = ['work'];

export function registerWorkRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/work',
    {
      config: { access: 'work.read' },
      schema: { tags, querystring: workQuery, response: { 200: workResponse, ...errorResponses } },
    },
    async (request) => getMyWork(deps.db, actorOf(request), request.query),
  );

  app.get(
    '/api/me/notifications',
    {
      config: { access: 'work.read' },
      schema: { tags, querystring: notificationsQuery, response: { 200: notificationsResponse, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const [items, unread] = [
        await listNotifications(deps.db, user.orgId, user.id, request.query.limit, request.query.unread),
        await countUnread(deps.db, user.orgId, user.id),
      ];
      return {
        unread,
        items: items.map((n) => ({
          ...n,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  // Marking one's own notices read changes nothing anyone else sees, so it is not audited.
  app.post(
    '/api/me/notifications/read',
    {
      config: { access: 'work.read' },
      schema: {
        tags,
        body: markReadInput,
        response: { 200: z.object({ unread: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = actorOf(request);
      const body = request.body;
      await deps.db
        .update(staffNotifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(staffNotifications.orgId, user.orgId),
            eq(staffNotifications.userId, user.id),
            isNull(staffNotifications.readAt),
            'ids' in body ? inArray(staffNotifications.id, body.ids) : undefined,
          ),
        );
      return { unread: await countUnread(deps.db, user.orgId, user.id) };
    },
  );
}
