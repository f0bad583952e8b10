import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { loadBeneficiaryFor } from '../beneficiaries';
import { findConsent, markConsentWithdrawn } from './queries';

/** The person withdraws a consent; it stays on record as withdrawn, with the reason and who recorded it. */
export async function withdrawConsent(
  deps: Deps,
  user: SessionUser,
  beneficiaryId: string,
  consentId: string,
  reason: string,
  meta: RequestMeta,
) {
  await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.read');
  await deps.db.transaction(async (tx) => {
    const consent = await findConsent(tx, user.orgId, beneficiaryId, consentId);
    if (!consent) throw new AppError('privacy.consent_not_found');
    if (consent.withdrawnAt) throw new AppError('privacy.consent_withdrawn');
    const at = new Date();
    await markConsentWithdrawn(tx, consent.id, at, reason, user.id);
    await writeAudit(tx, user, meta, {
      action: 'privacy.consent_withdrawn',
      entityType: 'beneficiary',
      entityId: beneficiaryId,
      details: {
        consentId: consent.id,
        reason,
        before: { withdrawnAt: null },
        after: { withdrawnAt: at.toISOString() },
      },
    });
  });
}
