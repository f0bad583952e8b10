import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { closeReminderOf, findVersion, insertAcknowledgement } from './queries';

/** The user has read a version; their reminder for it, if one was sent, is done. */
export async function acknowledgeVersion(deps: Deps, user: SessionUser, versionId: string, meta: RequestMeta) {
  const v = await findVersion(deps.db, user.orgId, versionId);
  if (!v) throw new AppError('knowledge.not_found');
  await deps.db.transaction(async (tx) => {
    await insertAcknowledgement(tx, { orgId: user.orgId, versionId, userId: user.id });
    await closeReminderOf(tx, user.orgId, user.id, versionId, new Date());
    await writeAudit(tx, user, meta, {
      action: 'knowledge.acknowledged',
      entityType: 'knowledge',
      entityId: v.documentId,
      details: { versionId },
    });
  });
}
