import { asc, count, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { beneficiaries, duplicatePairs, importCorrections } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

/** The checks of the data-quality page that list files. */
export const QUALITY_CHECKS = [
  'missing_location',
  'reverify_overdue',
  'implausible_birth_date',
  'shared_mobile',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];
/** A mobile on more files than this is suspicious (one phone for a whole street). */
export const SHARED_MOBILE_FILES = 3;

/** The condition of each check on a live file (merged-away and anonymised files are left out). */
function condition(check: QualityCheck, today: string): SQL {
  switch (check) {
    case 'missing_location':
      return isNull(beneficiaries.lat) as SQL;
    case 'reverify_overdue':
      return lt(beneficiaries.reverifyDue, today) as SQL;
    case 'implausible_birth_date':
      // Born in the future, or more than 110 years ago.
      return sql`(${beneficiaries.birthDate} > ${today}::date or ${beneficiaries.birthDate} < ${today}::date - interval '110 years')`;
    case 'shared_mobile':
      return sql`(select count(*) from beneficiaries other_file where other_file.org_id = ${beneficiaries.orgId} and other_file.mobile = ${beneficiaries.mobile} and other_file.merged_into is null and other_file.anonymised_at is null) > ${SHARED_MOBILE_FILES}`;
  }
}

function live(orgId: string, more: SQL) {
  return inOrg(beneficiaries, orgId, isNull(beneficiaries.mergedInto), isNull(beneficiaries.anonymisedAt), more);
}

export async function countCheck(db: Db, orgId: string, check: QualityCheck, today: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(beneficiaries)
    .where(live(orgId, condition(check, today)));
  return Number(row?.n ?? 0);
}

export function listCheck(db: Db, orgId: string, check: QualityCheck, today: string, limit: number, offset: number) {
  return db
    .select({
      id: beneficiaries.id,
      fileNumber: beneficiaries.fileNumber,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      mobile: beneficiaries.mobile,
      birthDate: beneficiaries.birthDate,
      district: beneficiaries.district,
      reverifyDue: beneficiaries.reverifyDue,
    })
    .from(beneficiaries)
    .where(live(orgId, condition(check, today)))
    .orderBy(asc(beneficiaries.fileNumber))
    .limit(limit)
    .offset(offset);
}

export async function countOpenPairs(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(duplicatePairs)
    .where(inOrg(duplicatePairs, orgId, eq(duplicatePairs.status, 'open')));
  return Number(row?.n ?? 0);
}

/** Rows of imports kept as files waiting for correction and not yet corrected. */
export async function countNeedsCorrection(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(importCorrections)
    .where(inOrg(importCorrections, orgId, isNull(importCorrections.correctedAt)));
  return Number(row?.n ?? 0);
}
