import type { FastifyReply, FastifyRequest } from 'fastify';
import { deleteSession, findSession, KNOWN_DEVICE_DAYS, toSessionUser, touchSession } from '../modules/auth/queries';
import { sessionCache } from '../modules/auth/session-cache';
import { sessionIdOf } from '../modules/auth/tokens';
import type { App, Deps, RequestMeta } from './context';
import { organizationOfRequest } from './host-org';

const PLAIN_COOKIE = 'wasl_sid';
// Over HTTPS the cookie takes the __Host- prefix: Secure, host-only, Path=/ (no subdomain can set it).
const SECURE_COOKIE = '__Host-wasl_sid';
// The known-device cookie: a random token naming this browser, stored hashed per user (docs/decisions/017).
const PLAIN_DEVICE_COOKIE = 'wasl_dev';
const SECURE_DEVICE_COOKIE = '__Host-wasl_dev';
const DEVICE_MAX_AGE_S = KNOWN_DEVICE_DAYS * 24 * 3600;
/**
 * last_seen_at is written at most this often, so reads do not become writes — and at least ten times per idle
 * period, so a session in use never reaches the idle limit between two writes (issue 14, finding 11).
 */
export function touchEveryMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 10));
}

/**
 * Fastify's trustProxy from the configuration: a hop count trusts only that many proxies nearest to us, so the
 * address a client writes at the start of X-Forwarded-For is never believed; a list trusts those addresses only.
 */
export function trustProxyOption(
  value: boolean | number | string[],
): false | string[] | ((a: string, i: number) => boolean) {
  if (value === true) return (_address, hop) => hop < 1;
  if (typeof value === 'number') return value === 0 ? false : (_address, hop) => hop < value;
  return value;
}

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

export function readDeviceToken(request: FastifyRequest): string | null {
  const value = request.cookies[isHttps(request) ? SECURE_DEVICE_COOKIE : PLAIN_DEVICE_COOKIE];
  return value && /^[\w-]{43}$/.test(value) ? value : null;
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = isHttps(request);
  reply.setCookie(secure ? SECURE_DEVICE_COOKIE : PLAIN_DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: DEVICE_MAX_AGE_S,
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
  app.decorateRequest('sessionRevoked', false);
  app.addHook('onRequest', async (request) => {
    request.auth = null;
    request.sessionRevoked = false;
    if (!request.url.startsWith('/api/')) return;
    const token = readSessionToken(request);
    if (!token) return;
    const sessionId = sessionIdOf(token);
    // The host chooses the association (issue 20): a session of another association's user is nobody here.
    const orgId = (await organizationOfRequest(deps, request))?.orgId;
    if (!orgId) return;
    const now = Date.now();
    let row = sessionCache.get(sessionId, now);
    if (row && row.orgId !== orgId) return;
    if (!row) {
      row = await findSession(deps.db, orgId, sessionId);
      if (!row) return;
      sessionCache.set(sessionId, row, now, deps.config.session.cacheMs);
    }
    if (row.revokedAt) {
      request.sessionRevoked = true;
      return;
    }
    const idle = now - row.lastSeenAt.getTime() > deps.config.session.idleMs;
    if (idle || row.expiresAt.getTime() <= now || row.disabled) {
      await deleteSession(deps.db, orgId, sessionId);
      return;
    }
    if (now - row.lastSeenAt.getTime() > touchEveryMs(deps.config.session.idleMs)) {
      await touchSession(deps.db, orgId, sessionId, new Date(now));
    }
    request.auth = { user: toSessionUser(row), sessionId, csrfToken: row.csrfToken };
  });
}

/**
 * Strict-Transport-Security on answers to requests that came over HTTPS — directly, or through a proxy hop the
 * configuration trusts (X-Forwarded-Proto from anyone else is ignored by Fastify's trustProxy).
 */
export function registerHsts(app: App): void {
  app.addHook('onSend', async (request, reply) => {
    if (isHttps(request)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
