import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';
import { getToken, markTokenRevoked } from './queries';

/** Revoking is final: the next request with the token is refused (401); the token row stays for the audit. */
export async function revokeToken(db: Db, admin: SessionUser, meta: RequestMeta, id: string, now = new Date()) {
  await db.transaction(async (tx) => {
    const row = await getToken(tx, admin.orgId, id);
    if (!row) throw new AppError('integration.not_found');
    if (!(await markTokenRevoked(tx, admin.orgId, id, now))) return;
    await writeAudit(tx, admin, meta, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      details: { name: row.name },
    });
  });
}
