import type { Deps, SessionUser } from '../../http/context';
import { listBranchOf } from '../../policy';
import { fullName } from '../beneficiaries';
import { liveBookingsOf, listSlots as selectSlots } from './queries';

/**
 * The slots between two Riyadh calendar days, each with its live booking. A branch-limited user sees only their
 * own branch, whatever branch they ask for.
 */
export async function listSlots(deps: Deps, user: SessionUser, q: { branchId?: string; from: string; to: string }) {
  const branchId = listBranchOf(user) ?? q.branchId;
  const slots = await selectSlots(deps.db, user.orgId, {
    branchId,
    from: new Date(`${q.from}T00:00:00+03:00`),
    to: new Date(`${q.to}T23:59:59+03:00`),
  });
  const booked = slots.length
    ? await liveBookingsOf(
        deps.db,
        slots.map((s) => s.id),
      )
    : [];
  return {
    items: slots.map((s) => {
      const a = booked.find((b) => b.slotId === s.id);
      return {
        id: s.id,
        branchId: s.branchId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        appointment: a
          ? {
              id: a.id,
              status: a.status,
              purpose: a.purpose,
              beneficiaryId: a.beneficiaryId,
              beneficiaryName: fullName(a),
            }
          : null,
      };
    }),
  };
}
