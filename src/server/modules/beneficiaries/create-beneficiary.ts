import { and, eq } from 'drizzle-orm';
import { normalizeArabic } from '../../../common/arabic';
import { type CreateBeneficiaryInput, householdMismatch } from '../../../common/domain/beneficiary';
import type { Db } from '../../db/client';
import { nextNumber, riyadhYear } from '../../db/counters';
import { isUniqueViolation } from '../../db/errors';
import { beneficiaries, branches, consents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize, can } from '../../policy';
import { emitEvent } from '../integrations';
import { getSettings } from '../settings';
import { branchExists } from '../users';
import { fullName, toColumns } from './fields';
import { presentSummary } from './present';
import { findByNationalId, findLikelyDuplicates, replaceHousehold } from './queries';

/** The existing file is named only to someone allowed to open it. */
function nationalIdTaken(user: SessionUser, existing: { id: string; fileNumber: string; branchId: string }) {
  const visible = can(user, 'beneficiaries.read', { orgId: user.orgId, branchId: existing.branchId });
  return new AppError(
    'beneficiary.national_id_exists',
    visible ? { id: existing.id, fileNumber: existing.fileNumber } : undefined,
  );
}

/**
 * The registration form's early check, as soon as a complete and valid national ID is typed: the existing file
 * (name, number, branch) for someone allowed to open it; for anyone else only that the number is registered.
 */
export async function checkNationalId(deps: Deps, user: SessionUser, nationalId: string) {
  const existing = await findByNationalId(deps.db, user.orgId, nationalId);
  if (!existing) return { status: 'new' as const };
  if (!can(user, 'beneficiaries.read', { orgId: user.orgId, branchId: existing.branchId })) {
    return { status: 'registered_elsewhere' as const };
  }
  const [row] = await deps.db
    .select({
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      branchNameAr: branches.nameAr,
      branchNameEn: branches.nameEn,
    })
    .from(beneficiaries)
    .innerJoin(branches, and(eq(branches.orgId, beneficiaries.orgId), eq(branches.id, beneficiaries.branchId)))
    .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, existing.id)));
  return {
    status: 'exists' as const,
    file: {
      id: existing.id,
      fileNumber: existing.fileNumber,
      fullName: row ? fullName(row) : '',
      branchNameAr: row?.branchNameAr ?? '',
      branchNameEn: row?.branchNameEn ?? '',
    },
  };
}

export async function likelyDuplicates(
  deps: Deps,
  user: SessionUser,
  probe: { mobiles: string[]; nameNorm: string; birthYear: number; excludeId?: string },
) {
  const rows = await findLikelyDuplicates(deps.db, user.orgId, probe);
  const visible = rows.filter((r) => can(user, 'beneficiaries.read', { orgId: r.orgId, branchId: r.branchId }));
  return {
    candidates: visible.map((r) => ({
      ...presentSummary(r),
      reason: r.sameMobile ? ('same_mobile' as const) : ('same_name_birth_year' as const),
    })),
    hiddenCount: rows.length - visible.length,
  };
}

/**
 * Registers a head of household (policy steps 1–2): the national ID must be new; likely duplicates are shown
 * first and the officer confirms; consent with its purpose is recorded with the file, in one transaction.
 */
export async function createBeneficiary(
  deps: Deps,
  user: SessionUser,
  input: CreateBeneficiaryInput,
  meta: RequestMeta,
) {
  authorize(user, 'beneficiaries.write', { orgId: user.orgId, branchId: input.branchId });
  if (!(await branchExists(deps.db, user.orgId, input.branchId))) throw new AppError('user.branch_not_found');
  const existing = await findByNationalId(deps.db, user.orgId, input.nationalId);
  if (existing) throw nationalIdTaken(user, existing);

  const mismatch = householdMismatch(input.water.peopleAtHome, input.household.length);
  if (mismatch && !input.householdConfirmed) throw new AppError('beneficiary.household_mismatch', mismatch);

  const nameNorm = normalizeArabic(fullName(input));
  if (!input.confirmNotDuplicate) {
    const mobiles = [input.mobile, ...(input.mobile2 ? [input.mobile2] : [])];
    const dupes = await likelyDuplicates(deps, user, {
      mobiles,
      nameNorm,
      birthYear: Number(input.birthDate.date.slice(0, 4)),
    });
    if (dupes.candidates.length + dupes.hiddenCount > 0) throw new AppError('beneficiary.possible_duplicates', dupes);
  }

  try {
    return await deps.db.transaction((tx) => writeBeneficiaryFile(tx, user.orgId, input, user, meta));
  } catch (error) {
    // Two officers registering the same person at once: the unique index decides, the loser gets the 409.
    if (isUniqueViolation(error, 'beneficiaries_org_national_id_uq')) {
      const winner = await findByNationalId(deps.db, user.orgId, input.nationalId);
      if (winner) throw nationalIdTaken(user, winner);
    }
    throw error;
  }
}

/**
 * Writes a new file with its household and consent, and the audit row; staff registration and the portal
 * share it. `actor` is the staff member, or null when the person registered themselves on the portal.
 */
export async function writeBeneficiaryFile(
  tx: Db,
  orgId: string,
  input: Omit<CreateBeneficiaryInput, 'confirmNotDuplicate'> & { confirmNotDuplicate?: boolean },
  actor: SessionUser | null,
  meta: RequestMeta,
) {
  const settings = await getSettings(tx, orgId);
  const year = riyadhYear(new Date());
  const seq = await nextNumber(tx, orgId, 'beneficiary', year);
  const fileNumber = `${year}-${String(seq).padStart(5, '0')}`;
  const [row] = await tx
    .insert(beneficiaries)
    .values({
      ...(toColumns(input) as typeof beneficiaries.$inferInsert),
      orgId,
      fileNumber,
      nationalId: input.nationalId,
      nameNorm: normalizeArabic(fullName(input)),
      // Only a confirmed difference is kept; a file from the portal stays unconfirmed until staff look at it.
      householdConfirmedSize:
        input.householdConfirmed && householdMismatch(input.water.peopleAtHome, input.household.length)
          ? input.water.peopleAtHome
          : null,
      createdBy: actor?.id ?? null,
    })
    .returning({ id: beneficiaries.id, fileNumber: beneficiaries.fileNumber });
  await replaceHousehold(tx, orgId, row!.id, input.household);
  await tx.insert(consents).values({
    orgId,
    beneficiaryId: row!.id,
    purpose: settings.consentPurposeAr,
    noticeVersion: settings.privacyNoticeVersion,
    channel: input.consent.channel,
    recordedBy: actor?.id ?? null,
  });
  await writeAudit(tx, { id: actor?.id ?? null, orgId, username: actor?.username ?? null }, meta, {
    action: 'beneficiary.created',
    entityType: 'beneficiary',
    entityId: row!.id,
    details: { fileNumber, confirmedNotDuplicate: input.confirmNotDuplicate ?? false },
  });
  await emitEvent(
    tx,
    orgId,
    'beneficiary.enrolled',
    { type: 'beneficiary', id: row!.id },
    { beneficiaryId: row!.id, fileNumber, branchId: input.branchId ?? null },
  );
  return row!;
}
