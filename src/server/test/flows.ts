import { beneficiaryInput } from './factories';
import type { TestClient } from './harness';

/** Registers a beneficiary and walks a new application through intake to the committee (policy steps 1–4). */
export async function raiseToCommittee(
  officer: TestClient,
  branchId: string,
  serviceIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<{ applicationId: string; beneficiaryId: string; reference: string; name: string }> {
  const input = beneficiaryInput(branchId, { confirmNotDuplicate: true, ...overrides });
  const b = await officer.post('/api/beneficiaries', input);
  if (b.status !== 201) throw new Error(`register: ${b.status} ${JSON.stringify(b.body)}`);
  const app = await officer.post('/api/applications', { beneficiaryId: b.body.id, serviceIds, channel: 'meeting' });
  if (app.status !== 201) throw new Error(`apply: ${app.status} ${JSON.stringify(app.body)}`);
  const id = app.body.id as string;
  const name = [input.firstName, input.fatherName, input.grandfatherName, input.familyName].join(' ');
  const move = async (body: Record<string, unknown>) => {
    const res = await officer.post(`/api/applications/${id}/transitions`, body);
    if (res.status !== 200) throw new Error(`${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await move({ to: 'submitted' });
  await move({ to: 'verifying' });
  const detail = await officer.get(`/api/applications/${id}`);
  for (const item of detail.body.checklist) {
    await officer.patch(`/api/applications/${id}/checklist/${item.itemKey}`, { state: 'verified' });
  }
  await move({ to: 'declared', declaration: { typedName: name, method: 'signature' } });
  await move({ to: 'in_committee' });
  return { applicationId: id, beneficiaryId: b.body.id, reference: app.body.reference, name };
}
