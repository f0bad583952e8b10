import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { beforeAfter } from '../audit';
import { loadBeneficiaryFor } from '../beneficiaries';
import { fileMobiles } from './file-devices';
import { listActiveDevices, revokeDeviceIds } from './queries';

/**
 * Staff forget a remembered phone of a file (a lost or shared phone reported by the person), or every one of
 * them: from then on that phone needs a new one-time code to track. Audited on the file, with the devices named.
 */
export async function revokeFileDevices(
  deps: Deps,
  user: SessionUser,
  beneficiaryId: string,
  input: { deviceId?: string },
  meta: RequestMeta,
): Promise<{ count: number }> {
  const file = await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.write');
  return deps.db.transaction(async (tx) => {
    const remembered = await listActiveDevices(tx, user.orgId, fileMobiles(file));
    const chosen = input.deviceId ? remembered.filter((d) => d.id === input.deviceId) : remembered;
    // A device of another file, or one already forgotten, is not this file's to revoke.
    if (input.deviceId && chosen.length === 0) throw new AppError('portal.device_not_found');
    const at = new Date();
    const revoked = await revokeDeviceIds(
      tx,
      user.orgId,
      chosen.map((d) => d.id),
      at,
    );
    if (revoked.length > 0) {
      await writeAudit(tx, user, meta, {
        action: 'portal.device_revoke',
        entityType: 'beneficiary',
        entityId: file.id,
        details: {
          devices: revoked,
          everywhere: !input.deviceId,
          ...beforeAfter({ revokedAt: null }, { revokedAt: at.toISOString() }),
        },
      });
    }
    return { count: revoked.length };
  });
}
