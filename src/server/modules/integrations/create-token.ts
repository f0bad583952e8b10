import { randomUUID } from 'node:crypto';
import type { TokenScopesInput } from '../../../common/domain/integrations';
import type { Db } from '../../db/client';
import { users } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';
import { getBranch } from '../organisation';
import { insertToken } from './queries';
import { newApiToken, tokenHashOf, visiblePrefix } from './token-secret';

export type NewToken = { name: string; scopes: TokenScopesInput; branchId: string | null; expiresAt: string | null };

/**
 * Makes a token for a named integration. The token acts through its own users row: disabled (it can never sign
 * in), with a user name no person can choose (the pattern refuses ':'), so what it writes names the integration.
 * The token itself is returned once and only its hash is kept.
 */
export async function createToken(db: Db, admin: SessionUser, meta: RequestMeta, input: NewToken, now = new Date()) {
  if (Object.keys(input.scopes.modules).length === 0) throw new AppError('integration.no_scope');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new AppError('integration.expiry_in_past');
  const token = newApiToken();
  return db.transaction(async (tx) => {
    if (input.branchId && !(await getBranch(tx, admin.orgId, input.branchId))) {
      throw new AppError('integration.branch_not_found');
    }
    const [user] = await tx
      .insert(users)
      .values({
        orgId: admin.orgId,
        branchId: input.branchId,
        username: `integration:${randomUUID()}`,
        displayName: input.name,
        role: input.branchId ? 'branch_rep' : 'officer',
        passwordHash: '!',
        disabled: true,
        locale: 'en',
        digits: 'latn',
      })
      .returning({ id: users.id });
    const row = await insertToken(tx, {
      orgId: admin.orgId,
      userId: user!.id,
      name: input.name,
      tokenHash: tokenHashOf(token),
      prefix: visiblePrefix(token),
      scopes: input.scopes,
      branchId: input.branchId,
      expiresAt,
      createdBy: admin.id,
    });
    await writeAudit(tx, admin, meta, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      details: { name: input.name, scopes: input.scopes, branchId: input.branchId, expiresAt: input.expiresAt },
    });
    return { ...row, token };
  });
}
