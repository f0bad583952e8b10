import { makeNationalId } from '../../common/saudi';

let counter = 0;

/** A valid national ID no other call of this process returns (citizen, or resident with `resident`). */
export function uniqueNationalId(resident = false): string {
  counter += 1;
  const body = String((Date.now() % 1_000_000) * 100 + (counter % 100))
    .padStart(8, '0')
    .slice(-8);
  return makeNationalId(`${resident ? 2 : 1}${body}`);
}

/** A valid Saudi mobile in local form (05xxxxxxxx), different on every call. */
export function uniqueMobile(): string {
  counter += 1;
  return `050${String((Date.now() * 7 + counter * 7919) % 10_000_000).padStart(7, '0')}`;
}

export function beneficiaryInput(branchId: string, overrides: Record<string, unknown> = {}) {
  return {
    nationalId: uniqueNationalId(),
    firstName: 'محمد',
    fatherName: 'عبدالله',
    grandfatherName: 'سعد',
    familyName: `القحطاني${counter}`,
    gender: 'male',
    birthDate: { calendar: 'gregorian', date: '1975-04-12' },
    mobile: uniqueMobile(),
    district: 'حي الروضة',
    location: { lat: 26.24, lng: 43.55 },
    branchId,
    household: [
      { name: 'نورة', relation: 'spouse', birthDate: '1980-01-01', disability: false },
      { name: 'سعد', relation: 'son', birthDate: '2010-06-01', disability: true, disabilityNote: 'إعاقة حركية' },
    ],
    monthlyIncome: 3000,
    housing: 'rented',
    familyStatus: 'married',
    disability: false,
    water: { source: 'tank', storageLitres: 600, peopleAtHome: 4 },
    consent: { accepted: true, channel: 'meeting' },
    // Four at home against the applicant and two listed members: the officer confirmed the stated number.
    householdConfirmed: true,
    ...overrides,
  };
}
