import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { organizations } from '../db/tables/index';
import { AppError } from '../errors';
import { findOrganization } from '../seed/organization';
import type { Deps } from './context';

type Resolved = { orgId: string; mapped: boolean };
const CACHE_MS = 30_000;
const caches = new WeakMap<object, Map<string, { value: Resolved | null; until: number }>>();

/**
 * The association a public request is for (issue 20): the one whose `organizations.host` is the request's host
 * name, else the installation's ORG_SLUG association (one association per deployment, as before). Behind a
 * trusted proxy the host is the one the visitor asked for (X-Forwarded-Host). Kept for half a minute per
 * process, so a new association appears on every instance within that time.
 */
export async function organizationOfRequest(deps: Deps, request: FastifyRequest): Promise<Resolved | null> {
  const host = request.hostname.replace(/:\d+$/, '').toLowerCase();
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new Map();
    caches.set(deps.db, cache);
  }
  const now = Date.now();
  const hit = cache.get(host);
  if (hit && hit.until > now) return hit.value;
  const mapped = host ? await findOrganizationByHost(deps.db, host) : undefined;
  const fallback = mapped ? undefined : await findOrganization(deps.db, deps.config.orgSlug);
  const value = mapped ? { orgId: mapped.id, mapped: true } : fallback ? { orgId: fallback.id, mapped: false } : null;
  if (cache.size > 1_000) cache.clear();
  cache.set(host, { value, until: now + CACHE_MS });
  return value;
}

/** The id of that association; a host that leads nowhere is a 404. */
export async function publicOrgId(deps: Deps, request: FastifyRequest): Promise<string> {
  const found = await organizationOfRequest(deps, request);
  if (!found) throw new AppError('request.not_found');
  return found.orgId;
}

/**
 * The address links sent to an association's beneficiaries start with: its own host when it has one (same
 * scheme as PUBLIC_URL), else PUBLIC_URL.
 */
export async function publicUrlOf(db: Db, orgId: string, publicUrl: string): Promise<string> {
  const host = await findOrganizationHost(db, orgId);
  return host ? `${new URL(publicUrl).protocol}//${host}` : publicUrl;
}

/** The association a host name is mapped to (organizations.host), if any. */
async function findOrganizationByHost(db: Db, host: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.host, host.toLowerCase()));
  return row;
}

/** The host name an association is reached at on a shared deployment, or null. */
async function findOrganizationHost(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ host: organizations.host }).from(organizations).where(eq(organizations.id, orgId));
  return row?.host ?? null;
}
