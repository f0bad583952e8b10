import type { z } from 'zod';
import type { volunteerHoursInput } from '../../../common/api/volunteers';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { getVolunteerStatus, insertHours } from './queries';

type HoursInput = z.infer<typeof volunteerHoursInput>;

/** Hours worked on a task; only an active volunteer logs them. */
export async function logVolunteerHours(
  deps: Deps,
  user: SessionUser,
  volunteerId: string,
  input: HoursInput,
  meta: RequestMeta,
) {
  const v = await getVolunteerStatus(deps.db, user.orgId, volunteerId);
  if (!v) throw new AppError('volunteer.not_found');
  if (v.status !== 'active') throw new AppError('volunteer.not_active');
  await deps.db.transaction(async (tx) => {
    await insertHours(tx, {
      orgId: user.orgId,
      volunteerId: v.id,
      workedOn: input.workedOn,
      hours: String(input.hours),
      task: input.task,
      deliveryId: input.deliveryId ?? null,
      loggedBy: user.id,
    });
    await writeAudit(tx, user, meta, { action: 'volunteer.hours', entityType: 'volunteer', entityId: v.id });
  });
}
