import type { z } from 'zod';
import type { breachInput } from '../../../common/api/privacy';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { insertBreach } from './queries';

type BreachInput = z.infer<typeof breachInput>;

export async function recordBreach(deps: Deps, user: SessionUser, input: BreachInput, meta: RequestMeta) {
  return deps.db.transaction(async (tx) => {
    const id = await insertBreach(tx, {
      ...input,
      discoveredAt: new Date(input.discoveredAt),
      orgId: user.orgId,
      createdBy: user.id,
    });
    await writeAudit(tx, user, meta, { action: 'privacy.breach_recorded', entityType: 'breach', entityId: id });
    return { id };
  });
}
