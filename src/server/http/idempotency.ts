import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { claimKey, deleteExpiredKeys, findKey, releaseKey, storeAnswer } from '../modules/idempotency/queries';
import type { App, Deps } from './context';

/** How long a key's first answer is kept: longer than a phone stays without a signal in practice. */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 3600 * 1000;
const KEY_SHAPE = /^[A-Za-z0-9_-]{16,100}$/;

/** What makes two requests "the same": the route, its path parameters and its (validated) body. */
function requestHash(method: string, route: string, params: unknown, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method, route, params ?? null, body ?? null]))
    .digest('hex');
}

/**
 * `Idempotency-Key` on the routes that declare `config.idempotent` (the field app's queued writes, a logged
 * contact). The first request claims the key (a unique row per organisation, user and key) before its handler
 * runs; a success stores its answer, a failure releases the key (it wrote nothing, so a retry may run). A replay
 * with the same body gets the stored answer and runs nothing; the same key with another body is refused (422);
 * a replay while the first is still running is told so (409). Keys expire after IDEMPOTENCY_TTL_MS.
 */
export function registerIdempotency(app: App, deps: Deps): void {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    request.idempotency = null;
    if (!request.routeOptions.config?.idempotent || !request.auth) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY_SHAPE.test(header)) throw new AppError('idempotency.bad_key');
    const user = request.auth.user;
    const owner = { orgId: user.orgId, userId: user.id, key: header };
    const hash = requestHash(request.method, request.routeOptions.url ?? '', request.params, request.body);
    const now = new Date();
    await deleteExpiredKeys(deps.db, owner, now);
    if (await claimKey(deps.db, owner, hash, new Date(now.getTime() + IDEMPOTENCY_TTL_MS))) {
      request.idempotency = owner;
      return;
    }
    const first = await findKey(deps.db, owner);
    if (!first) throw new AppError('idempotency.in_progress');
    if (first.requestHash !== hash) throw new AppError('idempotency.key_reused');
    if (first.statusCode === null) throw new AppError('idempotency.in_progress');
    reply.header('idempotent-replayed', 'true');
    return reply.status(first.statusCode).send(first.response ?? undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const owner = request.idempotency;
    if (!owner) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      const text = typeof payload === 'string' ? payload : '';
      await storeAnswer(deps.db, owner, reply.statusCode, text ? (JSON.parse(text) as unknown) : null);
    } else {
      await releaseKey(deps.db, owner);
    }
    return payload;
  });
}
