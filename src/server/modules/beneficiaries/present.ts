import { householdMismatch } from '../../../common/domain/beneficiary';
import { formatSaudiMobileLocal } from '../../../common/saudi';
import { fullName } from './fields';
import type { BeneficiaryRow, BeneficiarySummaryRow } from './queries';

type Household = {
  id: string;
  name: string;
  relation: string;
  birthDate: string;
  disability: boolean;
  disabilityNote: string | null;
}[];

export function presentSummary(row: BeneficiarySummaryRow) {
  return {
    id: row.id,
    fileNumber: row.fileNumber,
    nationalId: row.nationalId,
    fullName: fullName(row),
    mobile: row.mobile,
    mobileLocal: formatSaudiMobileLocal(row.mobile),
    district: row.district,
    branchId: row.branchId,
    status: row.status,
    reverifyDue: row.reverifyDue,
  };
}

/** The full file. Sensitive fields (income, family status, health, disability) only when `sensitive` is true. */
export function presentBeneficiary(row: BeneficiaryRow, household: Household, sensitive: boolean) {
  const base = {
    id: row.id,
    fileNumber: row.fileNumber,
    nationalId: row.nationalId,
    firstName: row.firstName,
    fatherName: row.fatherName,
    grandfatherName: row.grandfatherName,
    familyName: row.familyName,
    fullName: fullName(row),
    gender: row.gender,
    birthDate: row.birthDate,
    mobile: row.mobile,
    mobile2: row.mobile2,
    district: row.district,
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    branchId: row.branchId,
    housing: row.housing,
    water: { source: row.waterSource, storageLitres: row.storageLitres, peopleAtHome: row.peopleAtHome },
    /** People at home against the applicant plus the members; confirmed when staff confirmed the stated number. */
    householdCheck: {
      listed: 1 + household.length,
      mismatch: householdMismatch(row.peopleAtHome, household.length) !== null,
      confirmedSize: row.householdConfirmedSize,
    },
    status: row.status,
    statusReason: row.statusReason,
    suspendedUntil: row.suspendedUntil,
    reverifyDue: row.reverifyDue,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    /** Set when this file was merged into another: its number leads there. */
    mergedInto: row.mergedInto,
    household: household.map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
      birthDate: m.birthDate,
      ...(sensitive ? { disability: m.disability, disabilityNote: m.disabilityNote } : {}),
    })),
    sensitiveShown: sensitive,
  };
  if (!sensitive) return base;
  return {
    ...base,
    monthlyIncome: row.monthlyIncome,
    familyStatus: row.familyStatus,
    disability: row.disability,
    healthNotes: row.healthNotes,
  };
}
