import { normalizeArabic } from '../../../common/arabic';
import type { UpdateBeneficiaryInput } from '../../../common/domain/beneficiary';

export function fullName(b: { firstName: string; fatherName: string; grandfatherName: string; familyName: string }) {
  return [b.firstName, b.fatherName, b.grandfatherName, b.familyName].join(' ');
}

/** Maps validated input to table columns, deriving the normalised columns used for search. */
export function toColumns(input: UpdateBeneficiaryInput, current?: Parameters<typeof fullName>[0]) {
  const cols: Record<string, unknown> = {};
  const copy = [
    'firstName',
    'fatherName',
    'grandfatherName',
    'familyName',
    'gender',
    'mobile',
    'district',
    'branchId',
    'monthlyIncome',
    'housing',
    'familyStatus',
    'disability',
  ] as const;
  for (const key of copy) if (input[key] !== undefined) cols[key] = input[key];
  if (input.mobile2 !== undefined) cols.mobile2 = input.mobile2;
  if (input.healthNotes !== undefined) cols.healthNotes = input.healthNotes || null;
  if (input.birthDate) cols.birthDate = input.birthDate.date;
  if (input.district !== undefined) cols.districtNorm = normalizeArabic(input.district);
  if (input.location !== undefined) {
    cols.lat = input.location?.lat ?? null;
    cols.lng = input.location?.lng ?? null;
  }
  if (input.water) {
    cols.waterSource = input.water.source;
    cols.storageLitres = input.water.storageLitres;
    cols.peopleAtHome = input.water.peopleAtHome;
  }
  const nameChanged = ['firstName', 'fatherName', 'grandfatherName', 'familyName'].some((k) => k in cols);
  if (nameChanged) {
    const merged = { ...current, ...cols } as Parameters<typeof fullName>[0];
    cols.nameNorm = normalizeArabic(fullName(merged));
  }
  return cols;
}
