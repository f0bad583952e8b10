import type { z } from 'zod';
import type { updateKnowledgeInput } from '../../../common/domain/knowledge';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadDocument } from './get-document';
import { updateDocumentRow } from './queries';

/** Title and publication only: the text changes through a new approved version. */
export async function updateKnowledgeDocument(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof updateKnowledgeInput>,
  meta: RequestMeta,
) {
  await loadDocument(deps.db, user.orgId, id);
  await deps.db.transaction(async (tx) => {
    await updateDocumentRow(tx, id, input);
    await writeAudit(tx, user, meta, {
      action: 'knowledge.updated',
      entityType: 'knowledge',
      entityId: id,
      details: input,
    });
  });
}
