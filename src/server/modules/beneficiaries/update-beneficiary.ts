import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { householdMismatch, type UpdateBeneficiaryInput } from '../../../common/domain/beneficiary';
import { OPEN_CASE_STATUSES } from '../../../common/domain/case';
import { applications, beneficiaries, beneficiaryRevisions, cases, deliveries } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { branchExists } from '../users';
import { diffFields } from './diff-fields';
import { toColumns } from './fields';
import { loadBeneficiaryFor } from './get-beneficiary-file';
import { getHousehold, replaceHousehold } from './queries';

/**
 * The household figure the score should use after this change: null when people at home and the applicant plus
 * the members agree; the stated number when they differ and staff confirmed it now, or confirmed that same number
 * before and the list was not changed. Otherwise the save is refused.
 */
async function confirmedHousehold(
  deps: Deps,
  current: { id: string; orgId: string; peopleAtHome: number; householdConfirmedSize: number | null },
  input: UpdateBeneficiaryInput,
): Promise<number | null> {
  const people = input.water?.peopleAtHome ?? current.peopleAtHome;
  const members = input.household?.length ?? (await getHousehold(deps.db, current.orgId, current.id)).length;
  const mismatch = householdMismatch(people, members);
  if (!mismatch) return null;
  if (input.householdConfirmed) return people;
  if (current.householdConfirmedSize === people && input.household === undefined) return people;
  if (input.water === undefined && input.household === undefined) return current.householdConfirmedSize;
  throw new AppError('beneficiary.household_mismatch', mismatch);
}

/** Corrects a file; the audit row keeps which fields changed (not their sensitive values). */
export async function updateBeneficiary(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: UpdateBeneficiaryInput,
  meta: RequestMeta,
) {
  const current = await loadBeneficiaryFor(deps, user, id, 'beneficiaries.write');
  if (input.branchId && input.branchId !== current.branchId) {
    // Moving a file to another branch: the user must be allowed to write in the target branch too.
    authorize(user, 'beneficiaries.write', { orgId: user.orgId, branchId: input.branchId });
    if (!(await branchExists(deps.db, user.orgId, input.branchId))) throw new AppError('user.branch_not_found');
  }
  const columns: Record<string, unknown> = toColumns(input, current);
  const confirmed = await confirmedHousehold(deps, current, input);
  if (confirmed !== current.householdConfirmedSize) columns.householdConfirmedSize = confirmed;
  await deps.db.transaction(async (tx) => {
    if (Object.keys(columns).length > 0) {
      await tx
        .update(beneficiaries)
        .set({ ...columns, updatedAt: new Date() })
        .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, id)));
    }
    if (input.household) await replaceHousehold(tx, user.orgId, id, input.household);
    if (input.branchId && input.branchId !== current.branchId) {
      // The file's open work moves with it to the branch that serves the beneficiary now; finished work stays with
      // the branch that did it, so branch figures for past months do not change (docs/decisions/012).
      const to = { branchId: input.branchId };
      await tx
        .update(applications)
        .set(to)
        .where(
          and(
            inOrg(applications, user.orgId, eq(applications.beneficiaryId, id)),
            notInArray(applications.stage, ['rejected', 'enrolled', 'withdrawn']),
          ),
        );
      await tx
        .update(deliveries)
        .set(to)
        .where(
          and(inOrg(deliveries, user.orgId, eq(deliveries.beneficiaryId, id)), eq(deliveries.status, 'scheduled')),
        );
      await tx
        .update(cases)
        .set(to)
        .where(
          and(inOrg(cases, user.orgId, eq(cases.beneficiaryId, id)), inArray(cases.status, [...OPEN_CASE_STATUSES])),
        );
    }
    const changes = diffFields(current as unknown as Record<string, unknown>, columns);
    if (Object.keys(changes).length > 0) {
      await tx.insert(beneficiaryRevisions).values({ orgId: user.orgId, beneficiaryId: id, byUser: user.id, changes });
    }
    await writeAudit(tx, user, meta, {
      action: 'beneficiary.updated',
      entityType: 'beneficiary',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
}
