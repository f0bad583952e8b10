import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize, listBranchOf } from '../../policy';
import { fullName, loadBeneficiaryFor } from '../beneficiaries';
import { closeReport, type DraftStatus, getDraft, getPhoto, listDrafts, listInspectionRows } from './queries';

const present = <T extends { data: unknown; status: string; recordedAt: Date; createdAt: Date }>(row: T) => ({
  ...row,
  status: row.status as DraftStatus,
  data: row.data as Record<string, unknown>,
  recordedAt: row.recordedAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

/** The registration drafts waiting at the office (a representative sees their own branch's). */
export async function listRegistrationDrafts(deps: Deps, user: SessionUser, status: DraftStatus) {
  authorize(user, 'field.drafts');
  const rows = await listDrafts(deps.db, user.orgId, listBranchOf(user), status);
  return rows.map(present);
}

/** A draft as the officer opens it: what was typed on the phone, the consent, and its photos. */
export async function getRegistrationDraft(deps: Deps, user: SessionUser, id: string) {
  const row = await getDraft(deps.db, user.orgId, id);
  if (row?.kind !== 'registration_draft') throw new AppError('field.draft_not_found');
  authorize(user, 'field.complete_drafts', { orgId: row.orgId, branchId: row.branchId });
  const { orgId: _org, kind: _kind, ...draft } = row;
  return present(draft);
}

async function openDraft(deps: Deps, user: SessionUser, id: string) {
  const row = await getDraft(deps.db, user.orgId, id);
  if (row?.kind !== 'registration_draft') throw new AppError('field.draft_not_found');
  authorize(user, 'field.complete_drafts', { orgId: row.orgId, branchId: row.branchId });
  if (row.status === 'completed') throw new AppError('field.draft_completed');
  if (row.status === 'rejected') throw new AppError('field.draft_rejected');
  return row;
}

/**
 * The officer registered the household from the draft (the file it became is linked) or found it already
 * registered: the draft is done, once.
 */
export async function completeRegistrationDraft(
  deps: Deps,
  user: SessionUser,
  id: string,
  beneficiaryId: string | null,
  meta: RequestMeta,
) {
  await openDraft(deps, user, id);
  if (beneficiaryId) await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.read');
  await deps.db.transaction(async (tx) => {
    if (!(await closeReport(tx, user.orgId, id, user.id, { status: 'completed', beneficiaryId })))
      throw new AppError('field.draft_completed');
    await writeAudit(tx, user, meta, {
      action: 'field.registration_draft_completed',
      entityType: 'field_report',
      entityId: id,
      details: { before: { status: 'open' }, after: { status: 'completed', beneficiaryId } },
    });
  });
}

/** Not a household to register (a duplicate, no consent after all, …): the draft is closed with the reason. */
export async function rejectRegistrationDraft(
  deps: Deps,
  user: SessionUser,
  id: string,
  reason: string,
  meta: RequestMeta,
) {
  await openDraft(deps, user, id);
  await deps.db.transaction(async (tx) => {
    if (!(await closeReport(tx, user.orgId, id, user.id, { status: 'rejected', reason })))
      throw new AppError('field.draft_completed');
    await writeAudit(tx, user, meta, {
      action: 'field.registration_draft_rejected',
      entityType: 'field_report',
      entityId: id,
      details: { before: { status: 'open' }, after: { status: 'rejected', reason } },
    });
  });
}

/** Inspections from the field (of one file, or of the user's branch), for the office and the representative. */
export async function listInspections(deps: Deps, user: SessionUser, beneficiaryId: string | undefined) {
  authorize(user, 'field.drafts');
  if (beneficiaryId) await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.read');
  const rows = await listInspectionRows(deps.db, user.orgId, { beneficiaryId, branchId: listBranchOf(user) });
  return rows.map(({ firstName, fatherName, grandfatherName, familyName, recordedAt, ...row }) => ({
    ...row,
    data: row.data as Record<string, unknown>,
    recordedAt: recordedAt.toISOString(),
    beneficiaryName:
      firstName !== null && fatherName !== null && grandfatherName !== null && familyName !== null
        ? fullName({ firstName, fatherName, grandfatherName, familyName })
        : null,
  }));
}

/** A photo of a draft or a field inspection, for the office (of the user's branch when they have one). */
export async function readFieldPhoto(deps: Deps, user: SessionUser, id: string) {
  const row = await getPhoto(deps.db, user.orgId, id);
  if (!row) throw new AppError('field.photo_not_found');
  authorize(user, 'field.complete_drafts', { orgId: row.orgId, branchId: row.branchId });
  const bytes = await fs.readFile(path.join(deps.config.uploadDir, row.storedName)).catch(() => null);
  if (!bytes) throw new AppError('field.photo_not_found');
  return { bytes, mime: row.mime };
}
