import type { FastifyReply, FastifyRequest } from 'fastify';
import { deleteSession, findSession, toSessionUser, touchSession } from '../modules/auth/queries';
import { sessionCache } from '../modules/auth/session-cache';
import { sessionIdOf } from '../modules/auth/tokens';
import type { App, Deps, RequestMeta } from './context';

const PLAIN_COOKIE = 'wasl_sid';
// Over HTTPS the cookie takes the __Host- prefix: Secure, host-only, Path=/ (no subdomain can set it).
const SECURE_COOKIE = '__Host-wasl_sid';
/** last_seen_at is written at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 60_000;

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function readSessionToken(request: FastifyRequest): string | null {
  return request.cookies[isHttps(request) ? SECURE_COOKIE : PLAIN_COOKIE] ?? null;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeMs: number) {
  const secure = isHttps(request);
  reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = isHttps(request);
  reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip || null, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}

/** Loads the session named by the cookie for API requests; ends it when idle or past its absolute limit. */
export function registerSessionLoader(app: App, deps: Deps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    request.auth = null;
    if (!request.url.startsWith('/api/')) return;
    const token = readSessionToken(request);
    if (!token) return;
    const sessionId = sessionIdOf(token);
    const now = Date.now();
    let row = sessionCache.get(sessionId, now);
    if (!row) {
      row = await findSession(deps.db, sessionId);
      if (!row) return;
      sessionCache.set(sessionId, row, now, deps.config.session.cacheMs);
    }
    const idle = now - row.lastSeenAt.getTime() > deps.config.session.idleMs;
    if (idle || row.expiresAt.getTime() <= now || row.disabled) {
      await deleteSession(deps.db, sessionId);
      return;
    }
    if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, sessionId, new Date(now));
    request.auth = { user: toSessionUser(row), sessionId, csrfToken: row.csrfToken };
  });
}
