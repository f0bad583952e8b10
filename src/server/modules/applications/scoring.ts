import { type Criterion, criteriaSchema, DEFAULT_CRITERIA, scoreApplication } from '../../../common/domain/selection';
import type { Db } from '../../db/client';
import { selectionCriteriaVersions } from '../../db/tables/index';
import type { BeneficiaryRow } from '../beneficiaries';
import { latestCriteria } from './queries';

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The criteria in force; the first association's defaults become version 1 the first time they are needed. */
export async function currentCriteria(
  db: Db,
  orgId: string,
): Promise<{ id: string; version: number; criteria: Criterion[] }> {
  const row = await latestCriteria(db, orgId);
  if (row) return { id: row.id, version: row.version, criteria: criteriaSchema.parse(row.criteria) };
  const [created] = await db
    .insert(selectionCriteriaVersions)
    .values({ orgId, version: 1, criteria: DEFAULT_CRITERIA, note: 'default' })
    .onConflictDoNothing()
    .returning();
  if (created) return { id: created.id, version: 1, criteria: DEFAULT_CRITERIA };
  return currentCriteria(db, orgId);
}

export function scoreBeneficiary(
  criteria: Criterion[],
  beneficiary: BeneficiaryRow,
  household: { birthDate: string; disability: boolean }[],
  today: string,
) {
  return scoreApplication(criteria, {
    monthlyIncome: beneficiary.monthlyIncome,
    peopleAtHome: beneficiary.peopleAtHome,
    householdSize: 1 + household.length,
    confirmedPeople: beneficiary.householdConfirmedSize,
    anyDisability: beneficiary.disability || household.some((m) => m.disability),
    oldestAge: Math.max(ageOn(beneficiary.birthDate, today), ...household.map((m) => ageOn(m.birthDate, today))),
    waterSource: beneficiary.waterSource as 'network' | 'tank' | 'well' | 'none',
    storageLitres: beneficiary.storageLitres,
  });
}
