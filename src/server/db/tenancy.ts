import { type AnyColumn, and, eq, type SQL } from 'drizzle-orm';

/**
 * Tenancy: every association-owned table has org_id, and every query on one goes through `inOrg`, so a
 * request can only ever reach its own organisation's rows.
 */
export function inOrg(table: { orgId: AnyColumn }, orgId: string, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.orgId, orgId), ...conditions) as SQL;
}

/**
 * Tables that belong to the installation, not to one association (decision 031). Every other table in the
 * public schema is association-owned: org_id not null, primary key starting with org_id, and org_id in every
 * unique index and in every foreign key to another association table (tenancy.test.ts reads the catalogue).
 * On Citus, organizations becomes a reference table and job_runs/login_failures stay on the coordinator;
 * audit_log keeps a nullable org_id for failed sign-ins that name no known user, so it stays undistributed until
 * the association is known before sign-in. Migration 0027 carries the same list.
 */
export const GLOBAL_TABLES = [
  'organizations',
  'job_runs',
  'login_failures',
  'audit_log',
  // Shared by every app instance (decision 030): a scheduled job's claim on its period, and rate-limit windows
  // keyed by route and client address. Neither has org_id, so migration 0027 leaves them as they are.
  'job_leases',
  'rate_limit_hits',
] as const;
