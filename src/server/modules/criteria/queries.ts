import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, beneficiaries, householdMembers, selectionCriteriaVersions } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

/** Applications not yet decided: the ones a new version of the criteria would rank. */
export const WAITING_STAGES = [
  'submitted',
  'verifying',
  'referred',
  'returned',
  'declared',
  'in_committee',
  'deferred',
];
/** The preview ranks at most this many (the oldest first); a small association has far fewer waiting. */
export const PREVIEW_LIMIT = 2000;

/** The facts scoring needs, and nothing that names the person (the admin does not read beneficiaries' files). */
export function waitingApplications(db: Db, orgId: string) {
  return db
    .select({
      id: applications.id,
      reference: applications.reference,
      stage: applications.stage,
      fileNumber: beneficiaries.fileNumber,
      beneficiaryId: beneficiaries.id,
      district: beneficiaries.district,
      monthlyIncome: beneficiaries.monthlyIncome,
      peopleAtHome: beneficiaries.peopleAtHome,
      householdConfirmedSize: beneficiaries.householdConfirmedSize,
      disability: beneficiaries.disability,
      birthDate: beneficiaries.birthDate,
      waterSource: beneficiaries.waterSource,
      storageLitres: beneficiaries.storageLitres,
    })
    .from(applications)
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.id, applications.beneficiaryId), eq(beneficiaries.orgId, applications.orgId)),
    )
    .where(inOrg(applications, orgId, inArray(applications.stage, WAITING_STAGES)))
    .orderBy(applications.createdAt)
    .limit(PREVIEW_LIMIT);
}

export function householdsOf(db: Db, orgId: string, beneficiaryIds: string[]) {
  if (beneficiaryIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      beneficiaryId: householdMembers.beneficiaryId,
      birthDate: householdMembers.birthDate,
      disability: householdMembers.disability,
    })
    .from(householdMembers)
    .where(inOrg(householdMembers, orgId, inArray(householdMembers.beneficiaryId, beneficiaryIds)));
}

export function criteriaVersions(db: Db, orgId: string) {
  return db
    .select({
      id: selectionCriteriaVersions.id,
      version: selectionCriteriaVersions.version,
      criteria: selectionCriteriaVersions.criteria,
      note: selectionCriteriaVersions.note,
      boardReference: selectionCriteriaVersions.boardReference,
      boardDate: selectionCriteriaVersions.boardDate,
      createdAt: selectionCriteriaVersions.createdAt,
    })
    .from(selectionCriteriaVersions)
    .where(inOrg(selectionCriteriaVersions, orgId))
    .orderBy(desc(selectionCriteriaVersions.version));
}
