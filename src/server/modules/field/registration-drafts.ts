import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize, listBranchOf } from '../../policy';
import { loadBeneficiaryFor } from '../beneficiaries';
import { completeReport, getReport, listDrafts, listInspectionRows } from './queries';

/** The registration drafts waiting at the office (a representative sees their own branch's). */
export async function listRegistrationDrafts(deps: Deps, user: SessionUser, status: 'open' | 'completed') {
  authorize(user, 'field.drafts');
  const rows = await listDrafts(deps.db, user.orgId, listBranchOf(user), status);
  return rows.map((row) => ({
    ...row,
    data: row.data as Record<string, unknown>,
    recordedAt: row.recordedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The officer opened the file from the draft (or found the household already registered): the draft is done. */
export async function completeRegistrationDraft(deps: Deps, user: SessionUser, id: string, meta: RequestMeta) {
  const report = await getReport(deps.db, user.orgId, id);
  if (report?.kind !== 'registration_draft') throw new AppError('field.draft_not_found');
  authorize(user, 'field.complete_drafts', { orgId: report.orgId, branchId: report.branchId });
  if (report.status !== 'open') throw new AppError('field.draft_completed');
  await deps.db.transaction(async (tx) => {
    if (!(await completeReport(tx, user.orgId, id, user.id))) throw new AppError('field.draft_completed');
    await writeAudit(tx, user, meta, {
      action: 'field.registration_draft_completed',
      entityType: 'field_report',
      entityId: id,
      details: { before: { status: 'open' }, after: { status: 'completed' } },
    });
  });
}

/** Inspections from the field (of one file, or of the user's branch), for the office and the representative. */
export async function listInspections(deps: Deps, user: SessionUser, beneficiaryId: string | undefined) {
  authorize(user, 'field.drafts');
  if (beneficiaryId) await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.read');
  const rows = await listInspectionRows(deps.db, user.orgId, { beneficiaryId, branchId: listBranchOf(user) });
  return rows.map((row) => ({ ...row, data: row.data as Record<string, unknown> }));
}
