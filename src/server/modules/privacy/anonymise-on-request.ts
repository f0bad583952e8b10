import { riyadhDate } from '../../../common/dates';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { anonymiseBeneficiary } from './anonymise-beneficiary';

/** The data-protection officer anonymises a file before its retention period ends, with a reason. */
export async function anonymiseOnRequest(deps: Deps, user: SessionUser, id: string, reason: string, meta: RequestMeta) {
  await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  await anonymiseBeneficiary(
    deps.db,
    user.orgId,
    id,
    riyadhDate(new Date()),
    deps.config.uploadDir,
    user,
    meta,
    reason,
  );
}
