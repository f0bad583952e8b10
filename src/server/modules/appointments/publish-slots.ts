import type { z } from 'zod';
import type { publishSlotsInput } from '../../../common/api/appointments';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { branchExists } from '../users';
import { insertSlots } from './queries';

type PublishSlotsInput = z.infer<typeof publishSlotsInput>;

/** A branch publishes visit slots; the user must manage that branch's appointments. Returns how many. */
export async function publishSlots(deps: Deps, user: SessionUser, input: PublishSlotsInput, meta: RequestMeta) {
  authorize(user, 'appointments.manage', { orgId: user.orgId, branchId: input.branchId });
  if (!(await branchExists(deps.db, user.orgId, input.branchId))) throw new AppError('user.branch_not_found');
  const rows = input.slots.map((s) => ({
    orgId: user.orgId,
    branchId: input.branchId,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(new Date(s.startsAt).getTime() + s.minutes * 60_000),
    createdBy: user.id,
  }));
  await deps.db.transaction(async (tx) => {
    await insertSlots(tx, rows);
    await writeAudit(tx, user, meta, {
      action: 'appointments.slots_published',
      entityType: 'branch',
      entityId: input.branchId,
      details: { count: rows.length },
    });
  });
  return { created: rows.length };
}
