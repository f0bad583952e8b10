import type { z } from 'zod';
import type { updateBreachInput } from '../../../common/api/privacy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { updateBreachRow } from './queries';

type UpdateBreachInput = z.infer<typeof updateBreachInput>;

export async function updateBreach(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: UpdateBreachInput,
  meta: RequestMeta,
) {
  const { reportedAt, ...rest } = input;
  const found = await deps.db.transaction(async (tx) => {
    const updated = await updateBreachRow(tx, user.orgId, id, {
      ...rest,
      ...(reportedAt ? { reportedAt: new Date(reportedAt) } : {}),
    });
    if (updated)
      await writeAudit(tx, user, meta, { action: 'privacy.breach_updated', entityType: 'breach', entityId: id });
    return updated;
  });
  if (!found) throw new AppError('privacy.breach_not_found');
}
