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

/**
 * The completing stage's steps as they happen (policy step 6): the inspection handed to `inspector` (a branch
 * representative of the file's branch or an execution officer) and recorded by them, and the appointment agreed.
 */
export async function completeSteps(
  officer: TestClient,
  inspector: TestClient,
  applicationId: string,
  appointment: { date: string; from: string; to: string },
) {
  const inspectorId = (await inspector.get('/api/auth/session')).body.user.id as string;
  const steps = (await officer.get(`/api/applications/${applicationId}/completion`)).body.items as {
    stepKey: string;
  }[];
  const check = (res: { status: number; body: unknown }, what: string) => {
    if (res.status !== 204) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  if (steps.some((s) => s.stepKey === 'site_visit')) {
    check(
      await officer.request('PUT', `/api/applications/${applicationId}/inspection/assignee`, {
        assigneeUserId: inspectorId,
      }),
      'assign inspection',
    );
    check(
      await inspector.post(`/api/applications/${applicationId}/inspection/result`, {
        outcome: 'suitable',
        note: 'المنزل مناسب والطريق إليه ممهد',
      }),
      'record inspection',
    );
  }
  if (steps.some((s) => s.stepKey === 'schedule_agreed')) {
    check(await officer.request('PUT', `/api/applications/${applicationId}/appointment`, appointment), 'appointment');
  }
}
