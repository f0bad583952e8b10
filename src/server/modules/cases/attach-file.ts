import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { storeUpload } from '../beneficiaries';
import { loadCaseFor } from './load-case';
import { insertAttachment } from './queries';

/** Files an upload under a case: stored by the one upload path (type by content, size limit), row and audit together. */
export async function attachFile(
  deps: Deps,
  user: SessionUser,
  caseId: string,
  upload: { fileName: string; bytes: Buffer },
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, caseId, 'cases.work');
  return storeUpload(deps, user.orgId, upload, (file) =>
    deps.db.transaction(async (tx) => {
      const row = await insertAttachment(tx, { orgId: user.orgId, caseId: c.id, ...file, uploadedBy: user.id });
      await writeAudit(tx, user, meta, { action: 'case.attachment', entityType: 'case', entityId: c.id });
      return row;
    }),
  );
}
