import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { requestMeta } from '../../http/session';
import { findActiveToken, touchToken } from './queries';
import { TOKEN_PREFIX, tokenHashOf } from './token-secret';

/** last_used_at is written at most once a minute per token, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/**
 * `Authorization: Bearer wasl_…` on an API request. A request that carries the header is judged by it alone:
 * the session cookie is ignored (a token never rides on a session, and a session token is no bearer).
 * Every request a token makes is audited under the integration's name.
 */
export function registerTokenLoader(app: App, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header === undefined) return;
    request.auth = null;
    const match = BEARER.exec(header);
    if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) throw new AppError('auth.token_invalid');
    const now = new Date();
    const row = await findActiveToken(deps.db, tokenHashOf(match[1]!), now);
    if (!row) throw new AppError('auth.token_invalid');
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await touchToken(deps.db, row.orgId, row.id, now);
    }
    request.auth = {
      user: {
        id: row.userId,
        orgId: row.orgId,
        // A token limited to a branch acts as that branch's representative would (policy.ts → `can`).
        branchId: row.branchId,
        role: row.branchId ? 'branch_rep' : 'officer',
        username: `integration:${row.name}`,
        displayName: row.name,
        locale: 'en',
        digits: 'latn',
        totpEnabled: false,
        totpRequired: false,
        mustChangePassword: false,
        scopes: row.actions,
      },
      sessionId: '',
      csrfToken: '',
      token: { id: row.id, name: row.name },
    };
  });

  app.addHook('onResponse', async (request, reply) => {
    const token = request.auth?.token;
    if (!token) return;
    const user = request.auth!.user;
    await writeAudit(deps.db, user, requestMeta(request), {
      action: 'api_token.request',
      entityType: 'api_token',
      entityId: token.id,
      details: { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
    }).catch((error) => request.log.error({ err: error }, 'token request not audited'));
  });
}
