import { z } from 'zod';
import { isoDateOrDateTime } from '../../../common/domain/fields';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { searchAudit } from './queries';

/** A day (Riyadh) or an instant; a day as `to` means "up to the end of that day". */
const when = isoDateOrDateTime();
const dayStart = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00+03:00` : v);
const dayEnd = (v: string) =>
  v.length === 10 ? new Date(new Date(`${v}T00:00:00+03:00`).getTime() + 86_400_000) : new Date(v);

const query = z.strictObject({
  actorUserId: z.uuid().optional(),
  actor: z.string().trim().min(1).max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z0-9_.]+$/)
    .optional(),
  from: when.optional(),
  to: when.optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const entrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
});

/**
 * Read-only: the audit log can be searched (by person, record, action and date: "which files did user X open
 * between T1 and T2") but never changed. Changes carry `details.before` and `details.after`.
 */
export function registerAuditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: query,
        response: {
          200: z.object({ items: z.array(entrySchema), nextBefore: z.number().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await searchAudit(deps.db, actorOf(request).orgId, {
        ...q,
        from: q.from ? dayStart(q.from) : undefined,
        to: q.to ? dayEnd(q.to) : undefined,
      });
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString(), actorName: r.actorName ?? null })),
        nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
      };
    },
  );
}
