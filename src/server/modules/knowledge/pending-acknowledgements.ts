import { riyadhDate } from '../../../common/dates';
import { TOOL_KINDS } from '../../../common/domain/knowledge';
import type { Deps, SessionUser } from '../../http/context';
import { acknowledgedAmong, searchDocuments } from './queries';

/** Versions of the four tools now in force that this user has not yet acknowledged. */
export async function pendingAcknowledgements(deps: Deps, user: SessionUser) {
  const rows = await searchDocuments(deps.db, user.orgId, { kinds: [...TOOL_KINDS], today: riyadhDate(new Date()) });
  const done = rows.length
    ? await acknowledgedAmong(
        deps.db,
        user.id,
        rows.map((r) => r.versionId),
      )
    : new Set<string>();
  return {
    items: rows
      .filter((r) => !done.has(r.versionId))
      .map((r) => ({
        documentId: r.id,
        versionId: r.versionId,
        kind: r.kind,
        titleAr: r.titleAr,
        version: r.version,
        effectiveFrom: r.effectiveFrom,
        approvalRef: r.approvalRef,
      })),
  };
}
