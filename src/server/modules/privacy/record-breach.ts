import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { insertBreach } from './queries';

export type BreachInput = {
  discoveredAt: string;
  description: string;
  dataKinds: string;
  affectedCount: number;
  actions: string;
};

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
