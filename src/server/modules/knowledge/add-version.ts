import type { z } from 'zod';
import type { newVersionInput } from '../../../common/domain/knowledge';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadDocument } from './get-document';
import { searchText } from './in-force';
import { insertVersion, lastVersionNumber } from './queries';

/** A new approved text. Older versions stay readable; the one in force is the latest whose date has come. */
export async function addKnowledgeVersion(
  deps: Deps,
  user: SessionUser,
  documentId: string,
  input: z.infer<typeof newVersionInput>,
  meta: RequestMeta,
) {
  const doc = await loadDocument(deps.db, user.orgId, documentId);
  return deps.db.transaction(async (tx) => {
    const version = (await lastVersionNumber(tx, documentId)) + 1;
    await insertVersion(tx, {
      orgId: user.orgId,
      documentId,
      version,
      bodyAr: input.bodyAr,
      searchNorm: searchText(doc.titleAr, input.bodyAr),
      approvalRef: input.approvalRef,
      approvedOn: input.approvedOn,
      effectiveFrom: input.effectiveFrom,
      createdBy: user.id,
    });
    await writeAudit(tx, user, meta, {
      action: 'knowledge.version_added',
      entityType: 'knowledge',
      entityId: documentId,
      details: { version },
    });
    return { id: documentId, version };
  });
}
