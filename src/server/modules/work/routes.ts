import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { staffNotifications, users } from '../../db/tables/index';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { beforeAfter, hasChanges } from '../audit';
import { getMyWork } from './get-my-work';
import { countUnread, listNotifications } from './queries';
import {
  digestInput,
  digestSettings,
  markReadInput,
  notificationsQuery,
  notificationsResponse,
  workQuery,
  workResponse,
} from './schema';

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
    '/api/me/digest',
    {
      config: { access: 'session.self' },
      schema: { tags, response: { 200: digestSettings, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const [row] = await deps.db
        .select({ enabled: users.dailyDigest, email: users.email })
        .from(users)
        .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
      return { enabled: row?.enabled ?? false, email: row?.email ?? null };
    },
  );

  // Opting in or out of the daily e-mail; the address is the user's own, so only they change it (audited).
  app.put(
    '/api/me/digest',
    {
      config: { access: 'session.self' },
      schema: { tags, body: digestInput, response: { 200: digestSettings, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const next = { enabled: request.body.enabled, email: request.body.email?.trim().toLowerCase() ?? null };
      return deps.db.transaction(async (tx) => {
        const [before] = await tx
          .select({ enabled: users.dailyDigest, email: users.email })
          .from(users)
          .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
        await tx
          .update(users)
          .set({ dailyDigest: next.enabled, email: next.email, updatedAt: new Date() })
          .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
        // The address is the user's own contact detail: the audit keeps only its last characters.
        const diff = beforeAfter(before ?? {}, next, { mask: ['email'] });
        if (hasChanges(diff)) {
          await writeAudit(tx, user, requestMeta(request), {
            action: 'user.digest_changed',
            entityType: 'user',
            entityId: user.id,
            details: diff,
          });
        }
        return next;
      });
    },
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
