import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { isoDateTime } from '../../../common/domain/fields';
import { auditLog } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';

const query = z.strictObject({
  actorUserId: z.uuid().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const entrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
});

/** Read-only: the audit log can be searched ("which files did user X open between T1 and T2") but never changed. */
export function registerAuditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: query,
        response: { 200: z.object({ items: z.array(entrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await deps.db
        .select()
        .from(auditLog)
        .where(
          inOrg(
            auditLog,
            actorOf(request).orgId,
            and(
              q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
              q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
              q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
              q.action ? eq(auditLog.action, q.action) : undefined,
              q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
              q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
            ),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(q.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUserId: r.actorUserId,
          actorUsername: r.actorUsername,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          ip: r.ip,
          details: r.details,
        })),
      };
    },
  );
}
