import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { acknowledgementStatus } from './acknowledgement-status';
import { ackTaskKey, upsertReminderTasks } from './queries';

/** A reminder task for each active staff member who has neither read the version in force nor been reminded. */
export async function remindToAcknowledge(deps: Deps, user: SessionUser, documentId: string, meta: RequestMeta) {
  const status = await acknowledgementStatus(deps.db, user.orgId, documentId);
  const versionId = status.versionId;
  if (!versionId || !status.needsAcknowledgement) throw new AppError('knowledge.nothing_to_acknowledge');
  const waiting = status.staff.filter((s) => !s.acknowledgedAt && !s.remindedAt);
  await deps.db.transaction(async (tx) => {
    if (waiting.length > 0) {
      await upsertReminderTasks(
        tx,
        waiting.map((s) => ({
          orgId: user.orgId,
          assigneeUserId: s.userId,
          kind: 'knowledge_ack',
          title: `اقرأ الإصدار ${status.version} من «${status.title}» وأكّد اطلاعك عليه`,
          entityType: 'knowledge',
          entityId: documentId,
          dedupeKey: ackTaskKey(versionId),
        })),
      );
    }
    await writeAudit(tx, user, meta, {
      action: 'knowledge.ack_reminded',
      entityType: 'knowledge',
      entityId: documentId,
      details: { versionId, users: waiting.map((s) => s.userId) },
    });
  });
  return { ...(await acknowledgementStatus(deps.db, user.orgId, documentId)), reminded: waiting.length };
}
