import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize, can } from '../../policy';
import { presentBeneficiary } from './present';
import {
  getBeneficiary,
  getHousehold,
  hasApplicationBeforeCommittee,
  listConsents,
  listDocuments,
  listStatusEvents,
} from './queries';

/** Loads a file the user may open; throws not-found for another organisation, forbidden for another branch. */
export async function loadBeneficiaryFor(
  deps: Deps,
  user: SessionUser,
  id: string,
  action: 'beneficiaries.read' | 'beneficiaries.write' | 'beneficiaries.change_status',
) {
  const row = await getBeneficiary(deps.db, user.orgId, id);
  if (!row) throw new AppError('beneficiary.not_found');
  authorize(user, action, { orgId: row.orgId, branchId: row.branchId });
  if (user.role === 'committee' && !(await hasApplicationBeforeCommittee(deps.db, user.orgId, row.id))) {
    throw new AppError('auth.forbidden', { action });
  }
  return row;
}

/** The full file. Every opening is written to the audit log (PDPL: access to full files is logged). */
export async function getBeneficiaryFile(deps: Deps, user: SessionUser, id: string, meta: RequestMeta) {
  const row = await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  const sensitive = can(user, 'beneficiaries.read_sensitive', { orgId: row.orgId });
  const [household, consents, statusEvents, documents] = await Promise.all([
    getHousehold(deps.db, user.orgId, row.id),
    listConsents(deps.db, user.orgId, row.id),
    listStatusEvents(deps.db, user.orgId, row.id),
    listDocuments(deps.db, user.orgId, row.id),
  ]);
  await writeAudit(deps.db, user, meta, { action: 'beneficiary.viewed', entityType: 'beneficiary', entityId: row.id });
  return {
    ...presentBeneficiary(row, household, sensitive),
    consents: consents.map((c) => ({ ...c, at: c.at.toISOString() })),
    statusHistory: statusEvents.map((e) => ({ ...e, at: e.at.toISOString() })),
    documents: documents.map((d) => ({ ...d, at: d.at.toISOString() })),
  };
}
