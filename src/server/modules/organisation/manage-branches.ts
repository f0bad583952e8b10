import type { z } from 'zod';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { beforeAfter, hasChanges } from '../audit';
import {
  branchCodeExists,
  countBeneficiariesByBranch,
  getBranch,
  insertBranch,
  listBranchRows,
  listBranchStaff,
  updateBranch,
} from './queries';
import type { createBranchBody, updateBranchBody } from './schema';

/** The branches with what the admin needs beside each: its representatives, its staff and its files. */
export async function branchesOverview(deps: Deps, orgId: string) {
  const [rows, staff, files] = await Promise.all([
    listBranchRows(deps.db, orgId),
    listBranchStaff(deps.db, orgId),
    countBeneficiariesByBranch(deps.db, orgId),
  ]);
  const filesBy = new Map(files.map((f) => [f.branchId, f.n]));
  return rows.map((b) => ({
    ...b,
    representatives: staff
      .filter((u) => u.branchId === b.id && u.role === 'branch_rep')
      .map((u) => ({ id: u.id, displayName: u.displayName, disabled: u.disabled })),
    staffCount: staff.filter((u) => u.branchId === b.id && !u.disabled).length,
    beneficiaryCount: filesBy.get(b.id) ?? 0,
  }));
}

export async function createBranch(
  deps: Deps,
  admin: SessionUser,
  input: z.infer<typeof createBranchBody>,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    if (await branchCodeExists(tx, admin.orgId, input.code)) throw new AppError('branch.code_taken');
    const row = await insertBranch(tx, { ...input, orgId: admin.orgId });
    await writeAudit(tx, admin, meta, {
      action: 'branch.created',
      entityType: 'branch',
      entityId: row.id,
      details: { after: input },
    });
    return row;
  });
}

export async function changeBranch(
  deps: Deps,
  admin: SessionUser,
  id: string,
  input: z.infer<typeof updateBranchBody>,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const before = await getBranch(tx, admin.orgId, id);
    if (!before) throw new AppError('branch.not_found');
    const diff = beforeAfter(before, input);
    if (!hasChanges(diff)) return before;
    const row = await updateBranch(tx, admin.orgId, id, input);
    await writeAudit(tx, admin, meta, { action: 'branch.updated', entityType: 'branch', entityId: id, details: diff });
    return row!;
  });
}
