import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { TOOL_KINDS } from '../../../common/domain/knowledge';
import type { Db } from '../../db/client';
import { knowledgeAcknowledgements, tasks, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { effectiveVersion, getDocument, listVersions } from './knowledge';

const tags = ['knowledge'];
/** The reminder's task: one per person and version, so pressing «remind» twice does not repeat it. */
export const ackTaskKey = (versionId: string) => `knowledge_ack:${versionId}`;

const statusSchema = z.object({
  versionId: z.uuid().nullable(),
  version: z.number().nullable(),
  /** Only the four tools are acknowledged; FAQs and canned answers are not. */
  needsAcknowledgement: z.boolean(),
  staff: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      acknowledgedAt: z.string().nullable(),
      /** When a reminder task was created and is still open. */
      remindedAt: z.string().nullable(),
    }),
  ),
  acknowledged: z.number(),
  pending: z.number(),
});

async function ackStatus(db: Db, orgId: string, documentId: string) {
  const doc = await getDocument(db, orgId, documentId);
  const current = effectiveVersion(await listVersions(db, doc.id), riyadhDate(new Date()));
  const needsAcknowledgement = (TOOL_KINDS as readonly string[]).includes(doc.kind);
  if (!current || !needsAcknowledgement) {
    const none = { staff: [], acknowledged: 0, pending: 0, title: doc.titleAr };
    return { versionId: current?.id ?? null, version: current?.version ?? null, needsAcknowledgement, ...none };
  }
  const [staff, acks, reminders] = await Promise.all([
    db
      .select({ userId: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(inOrg(users, orgId, eq(users.disabled, false)))
      .orderBy(asc(users.displayName)),
    db
      .select({ userId: knowledgeAcknowledgements.userId, at: knowledgeAcknowledgements.at })
      .from(knowledgeAcknowledgements)
      .where(eq(knowledgeAcknowledgements.versionId, current.id)),
    db
      .select({ userId: tasks.assigneeUserId, at: tasks.createdAt })
      .from(tasks)
      .where(inOrg(tasks, orgId, and(eq(tasks.dedupeKey, ackTaskKey(current.id)), isNull(tasks.doneAt)))),
  ]);
  const ackAt = new Map(acks.map((a) => [a.userId, a.at.toISOString()]));
  const remindAt = new Map(reminders.map((r) => [r.userId, r.at.toISOString()]));
  const rows = staff.map((s) => ({
    ...s,
    acknowledgedAt: ackAt.get(s.userId) ?? null,
    remindedAt: ackAt.has(s.userId) ? null : (remindAt.get(s.userId) ?? null),
  }));
  // Those who have not read it come first: they are who the screen is for.
  rows.sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null));
  const acknowledged = rows.filter((r) => r.acknowledgedAt).length;
  return {
    versionId: current.id,
    version: current.version,
    needsAcknowledgement,
    staff: rows,
    acknowledged,
    pending: rows.length - acknowledged,
    title: doc.titleAr,
  };
}

export function registerAcknowledgementRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/knowledge/:id/acknowledgements',
    {
      config: { access: 'knowledge.manage' },
      schema: { tags, params: idParams, response: { 200: statusSchema, ...errorResponses } },
    },
    async (request) => ackStatus(deps.db, actorOf(request).orgId, request.params.id),
  );

  app.post(
    '/api/knowledge/:id/acknowledgements/remind',
    {
      config: { access: 'knowledge.manage' },
      schema: {
        tags,
        params: idParams,
        response: { 200: statusSchema.extend({ reminded: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = actorOf(request);
      const status = await ackStatus(deps.db, user.orgId, request.params.id);
      if (!status.versionId || !status.needsAcknowledgement) throw new AppError('knowledge.nothing_to_acknowledge');
      const waiting = status.staff.filter((s) => !s.acknowledgedAt && !s.remindedAt);
      await deps.db.transaction(async (tx) => {
        if (waiting.length > 0) {
          await tx
            .insert(tasks)
            .values(
              waiting.map((s) => ({
                orgId: user.orgId,
                assigneeUserId: s.userId,
                kind: 'knowledge_ack',
                title: `اقرأ الإصدار ${status.version} من «${status.title}» وأكّد اطلاعك عليه`,
                entityType: 'knowledge',
                entityId: request.params.id,
                dedupeKey: ackTaskKey(status.versionId!),
              })),
            )
            // A reminder closed by hand without reading is opened again.
            .onConflictDoUpdate({
              target: [tasks.orgId, tasks.assigneeUserId, tasks.dedupeKey],
              set: { doneAt: null, createdAt: new Date() },
            });
        }
        await writeAudit(tx, user, requestMeta(request), {
          action: 'knowledge.ack_reminded',
          entityType: 'knowledge',
          entityId: request.params.id,
          details: { versionId: status.versionId, users: waiting.map((s) => s.userId) },
        });
      });
      return { ...(await ackStatus(deps.db, user.orgId, request.params.id)), reminded: waiting.length };
    },
  );
}
