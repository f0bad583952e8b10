import type { z } from 'zod';
import type { createKnowledgeInput } from '../../../common/domain/knowledge';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { searchText } from './in-force';
import { insertDocument, insertVersion } from './queries';

/** A new document with its first approved version. */
export async function createKnowledgeDocument(
  deps: Deps,
  user: SessionUser,
  input: z.infer<typeof createKnowledgeInput>,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const id = await insertDocument(tx, {
      orgId: user.orgId,
      kind: input.kind,
      titleAr: input.titleAr,
      titleEn: input.titleEn,
      published: input.published,
    });
    await insertVersion(tx, {
      orgId: user.orgId,
      documentId: id,
      version: 1,
      bodyAr: input.bodyAr,
      searchNorm: searchText(input.titleAr, input.bodyAr),
      approvalRef: input.approvalRef,
      approvedOn: input.approvedOn,
      effectiveFrom: input.effectiveFrom,
      createdBy: user.id,
    });
    await writeAudit(tx, user, meta, { action: 'knowledge.created', entityType: 'knowledge', entityId: id });
    return { id, version: 1 };
  });
}
