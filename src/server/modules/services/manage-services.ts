import type { z } from 'zod';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { beforeAfter, hasChanges } from '../audit';
import { getService, insertService, serviceCodeExists, updateService } from './queries';
import type { createServiceBody, updateServiceBody } from './schema';

export async function createService(
  deps: Deps,
  admin: SessionUser,
  input: z.infer<typeof createServiceBody>,
  meta: RequestMeta,
) {
  if (await serviceCodeExists(deps.db, admin.orgId, input.code)) throw new AppError('service.code_taken');
  return deps.db.transaction(async (tx) => {
    const row = await insertService(tx, { ...input, orgId: admin.orgId });
    await writeAudit(tx, admin, meta, {
      action: 'service.created',
      entityType: 'service',
      entityId: row.id,
      details: { after: input },
    });
    return row;
  });
}

export async function changeService(
  deps: Deps,
  admin: SessionUser,
  id: string,
  input: z.infer<typeof updateServiceBody>,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const before = await getService(tx, admin.orgId, id);
    if (!before) throw new AppError('service.not_found');
    const diff = beforeAfter(before, input);
    if (!hasChanges(diff)) return before;
    const row = await updateService(tx, admin.orgId, id, input);
    // Old and new values of what changed (the audit convention).
    await writeAudit(tx, admin, meta, {
      action: 'service.updated',
      entityType: 'service',
      entityId: id,
      details: diff,
    });
    return row!;
  });
}
