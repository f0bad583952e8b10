import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { setLegalHoldRow } from './queries';

/** A legal-retention hold until a date (null lifts it): while it runs, the file is not anonymised. */
export async function setLegalHold(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: { until: string | null; reason: string },
  meta: RequestMeta,
) {
  await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  await deps.db.transaction(async (tx) => {
    await setLegalHoldRow(tx, user.orgId, id, input.until, input.reason);
    await writeAudit(tx, user, meta, {
      action: 'privacy.legal_hold',
      entityType: 'beneficiary',
      entityId: id,
      details: input,
    });
  });
}
