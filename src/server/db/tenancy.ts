import { type AnyColumn, and, eq, type SQL } from 'drizzle-orm';

/**
 * Tenancy: every association-owned table has org_id, and every query on one goes through `inOrg`, so a
 * request can only ever reach its own organisation's rows.
 */
export function inOrg(table: { orgId: AnyColumn }, orgId: string, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.orgId, orgId), ...conditions) as SQL;
}
