import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { sameToken } from '../modules/auth/tokens';
import { authorize } from '../policy';
import type { Access, App } from './context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths served by plugins (the API browser) that carry no route config of ours. */
const DOCUMENTATION_PREFIX = '/api/docs';

function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('auth.bad_origin');
  }
  if (host !== request.host) throw new AppError('auth.bad_origin');
}

/**
 * Deny by default. At start-up every API route must declare `config.access` (a policy action or `public`),
 * or the app refuses to build. On each request: public routes pass (state-changing ones must come from our
 * own origin); all others need a session, a CSRF token on writes, and the policy's yes.
 */
export type RouteEntry = { method: string; url: string; access: Access };
const routeTables = new WeakMap<object, RouteEntry[]>();

/** Every API route with its declared access, as registered (the security matrix test walks this). */
export function routeTableOf(app: App): RouteEntry[] {
  return routeTables.get(app) ?? [];
}

export function registerGuard(app: App): void {
  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith(DOCUMENTATION_PREFIX)) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const writing = !SAFE_METHODS.has(request.method);
    if (access === 'public') {
      if (writing) checkOrigin(request);
      return;
    }
    const auth = request.auth;
    if (!auth) throw new AppError(request.sessionRevoked ? 'auth.session_revoked' : 'auth.unauthenticated');
    // A bearer token is sent by a program, never attached by a browser on its own: no CSRF to forge.
    if (writing && !auth.token) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, auth.csrfToken)) throw new AppError('auth.csrf');
    }
    if (auth.user.mustChangePassword && access !== 'session.self') throw new AppError('auth.password_change_required');
    if (auth.user.totpRequired && !auth.user.totpEnabled && access !== 'session.self') {
      throw new AppError('auth.totp_enrollment_required');
    }
    authorize(auth.user, access);
  });
}

/** The signed-in user of a route that the guard has let through. */
export function actorOf(request: FastifyRequest) {
  if (!request.auth) throw new AppError('auth.unauthenticated');
  return request.auth.user;
}
