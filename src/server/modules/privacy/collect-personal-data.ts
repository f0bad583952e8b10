import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { getBeneficiary, getHousehold, presentBeneficiary } from '../beneficiaries';
import { applicationRecords, personalRows } from './queries';

/** Everything the association holds about one person, for their data-access request (PDPL). */
export async function collectPersonalData(db: Db, orgId: string, beneficiaryId: string) {
  const b = await getBeneficiary(db, orgId, beneficiaryId);
  if (!b) throw new AppError('beneficiary.not_found');
  const [household, [consentRows, apps, contactRows, caseRows, deliveryRows, docs]] = await Promise.all([
    getHousehold(db, orgId, b.id),
    personalRows(db, orgId, b.id),
  ]);
  const appIds = apps.map((a) => a.id);
  const [steps, declared] = appIds.length ? await applicationRecords(db, orgId, appIds) : [[], []];
  const strip = <T extends Record<string, unknown>>(row: T) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'orgId')) as T;
  return {
    generatedAt: new Date().toISOString(),
    file: presentBeneficiary(b, household, true),
    consents: consentRows.map(strip),
    applications: apps.map((a) => ({
      ...strip(a),
      steps: steps.filter((s) => s.applicationId === a.id).map(strip),
      declaration: declared.find((d) => d.applicationId === a.id) ?? null,
    })),
    contacts: contactRows.map(strip),
    cases: caseRows.map(({ followKeyHash: _k, ...c }) => strip(c)),
    deliveries: deliveryRows.map(strip),
    documents: docs,
  };
}

export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>;
