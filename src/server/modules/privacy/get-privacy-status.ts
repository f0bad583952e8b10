import { riyadhDate } from '../../../common/dates';
import type { Deps, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { consentsWithWithdrawer, privacyFacts } from './queries';

/** A file's privacy panel: a legal hold still running, whether it was anonymised, and its consents. */
export async function getPrivacyStatus(deps: Deps, user: SessionUser, id: string) {
  await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  const [file, rows] = await Promise.all([
    privacyFacts(deps.db, user.orgId, id),
    consentsWithWithdrawer(deps.db, user.orgId, id),
  ]);
  const today = riyadhDate(new Date());
  return {
    legalHold: file?.until && file.until >= today ? { until: file.until, reason: file.reason } : null,
    anonymisedAt: file?.anonymisedAt?.toISOString() ?? null,
    consents: rows.map((c) => ({
      ...c,
      at: c.at.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      withdrawnByName: c.withdrawnByName ?? null,
    })),
  };
}
