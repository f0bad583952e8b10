import { makeNationalId } from '../src/common/saudi';
import type { ApiClient } from './api';

let serial = 0;

/** A new beneficiary with an application walked through intake to the committee, through the API. */
export async function raisedApplication(
  officer: ApiClient,
  serviceCode: string,
  names: string[] = ['عبدالله', 'محمد', 'سعد', 'الشمري'],
  /** Other household facts (income, water) for the beneficiary. */
  facts: Record<string, unknown> = {},
) {
  serial += 1;
  const services = await officer.call('GET', '/api/services');
  const branches = await officer.call('GET', '/api/branches');
  const stamp = String(Date.now() % 10_000_000).padStart(7, '0');
  const b = await officer.call('POST', '/api/beneficiaries', {
    nationalId: makeNationalId(`1${stamp}${serial % 10}`),
    firstName: names[0],
    fatherName: names[1],
    grandfatherName: names[2],
    familyName: names[3],
    gender: 'male',
    birthDate: { calendar: 'gregorian', date: '1970-01-01' },
    mobile: `050${stamp}`,
    district: 'قرية الشقة',
    branchId: branches.items[0].id,
    monthlyIncome: 2500,
    housing: 'owned',
    familyStatus: 'married',
    water: { source: 'tank', storageLitres: 1000, peopleAtHome: 5 },
    consent: { accepted: true, channel: 'meeting' },
    // No household listed: the stated people at home is confirmed (issue 12).
    householdConfirmed: true,
    confirmNotDuplicate: true,
    ...facts,
  });
  const serviceId = services.items.find((s: { code: string }) => s.code === serviceCode).id;
  const app = await officer.call('POST', '/api/applications', {
    beneficiaryId: b.id,
    serviceIds: [serviceId],
    channel: 'meeting',
  });
  const move = (body: object) => officer.call('POST', `/api/applications/${app.id}/transitions`, body);
  await move({ to: 'submitted' });
  await move({ to: 'verifying' });
  const detail = await officer.call('GET', `/api/applications/${app.id}`);
  for (const item of detail.checklist)
    await officer.call('PATCH', `/api/applications/${app.id}/checklist/${item.itemKey}`, { state: 'verified' });
  await move({ to: 'declared', declaration: { typedName: names.join(' '), method: 'signature' } });
  await move({ to: 'in_committee' });
  return {
    applicationId: app.id as string,
    beneficiaryId: b.id as string,
    reference: app.reference as string,
    name: names.join(' '),
  };
}

/**
 * The demo committee: three members with a quorum of two (issue 12). Returns the members' ids (the chair's first)
 * for a meeting's invitation, and the two a decision needs present.
 */
export async function demoCommittee(
  chair: ApiClient,
): Promise<{ chairId: string; memberIds: string[]; quorum: string[] }> {
  const users = (await chair.call('GET', '/api/committee/members')) as { items: { id: string; username?: string }[] };
  const chairId = (await chair.call('GET', '/api/auth/session')).user.id as string;
  const others = users.items.map((u) => u.id).filter((id) => id !== chairId);
  if (others.length < 2) throw new Error(`the demo committee has ${others.length + 1} members, not three`);
  return { chairId, memberIds: [chairId, ...others], quorum: [chairId, others[0]!] };
}
