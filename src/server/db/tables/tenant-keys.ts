import { getTableName } from 'drizzle-orm';
import { foreignKey, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

type TenantTable = PgTable & { orgId: PgColumn; id: PgColumn };

/**
 * A foreign key between two association tables, `(org_id, column) → parent (org_id, id)` (decision 031): Citus
 * enforces only keys that contain the distribution column, and the org_id in it also stops a row from pointing
 * at another association's record. The name is the one drizzle gave the single-column key before, so migration
 * 0027 only widened each constraint in place.
 */
export function tenantFk(orgId: PgColumn, column: PgColumn, parent: TenantTable, onDelete?: 'cascade') {
  const name = `${getTableName(column.table)}_${column.name}_${getTableName(parent)}_id_fk`;
  const key = foreignKey({ name, columns: [orgId, column], foreignColumns: [parent.orgId, parent.id] });
  return onDelete ? key.onDelete(onDelete) : key;
}
