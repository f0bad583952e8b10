import type { z } from 'zod';
import type { assignCaseInput } from '../../../common/domain/case';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { notifyStaff } from '../work';
import { loadCaseFor } from './load-case';
import { ownerCandidate, updateCaseRow } from './queries';

/** Gives a case an owner, a team or a priority; the new owner hears of it. */
export async function assignCase(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof assignCaseInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  if (input.ownerUserId) {
    const owner = await ownerCandidate(deps.db, user.orgId, input.ownerUserId);
    if (!owner || owner.disabled || owner.role === 'committee' || owner.role === 'admin')
      throw new AppError('case.bad_owner');
    // A branch representative can only work their own branch's cases, so only those can be given to them.
    if (owner.role === 'branch_rep' && owner.branchId !== c.branchId) throw new AppError('case.bad_owner');
  }
  await deps.db.transaction(async (tx) => {
    await updateCaseRow(tx, id, input);
    if (input.ownerUserId && input.ownerUserId !== c.ownerUserId) {
      await notifyStaff(tx, {
        orgId: user.orgId,
        userId: input.ownerUserId,
        actorUserId: user.id,
        kind: 'case_assigned',
        entityType: 'case',
        entityId: id,
        reference: c.reference,
        detail: c.subject,
      });
    }
    await writeAudit(tx, user, meta, { action: 'case.assigned', entityType: 'case', entityId: id, details: input });
  });
}
