import type { z } from 'zod';
import type { updateVolunteerInput } from '../../../common/api/volunteers';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { updateVolunteerRow } from './queries';

type UpdateVolunteerInput = z.infer<typeof updateVolunteerInput>;

export async function updateVolunteer(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: UpdateVolunteerInput,
  meta: RequestMeta,
) {
  const found = await deps.db.transaction(async (tx) => {
    const updated = await updateVolunteerRow(tx, user.orgId, id, input);
    if (updated)
      await writeAudit(tx, user, meta, {
        action: 'volunteer.updated',
        entityType: 'volunteer',
        entityId: id,
        details: input,
      });
    return updated;
  });
  if (!found) throw new AppError('volunteer.not_found');
}
