import { and, asc, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { homeInspections, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

const recorder = alias(users, 'inspection_recorder');

/** The application's home inspection with the names of who it is assigned to and who recorded it. */
export async function findInspection(db: Db, orgId: string, applicationId: string) {
  const [row] = await db
    .select({
      id: homeInspections.id,
      branchId: homeInspections.branchId,
      assigneeUserId: homeInspections.assigneeUserId,
      assigneeName: users.displayName,
      assignedAt: homeInspections.assignedAt,
      outcome: homeInspections.outcome,
      note: homeInspections.note,
      lat: homeInspections.lat,
      lng: homeInspections.lng,
      photoDocumentId: homeInspections.photoDocumentId,
      recordedAt: homeInspections.recordedAt,
      recordedByName: recorder.displayName,
    })
    .from(homeInspections)
    .innerJoin(users, and(eq(users.orgId, homeInspections.orgId), eq(users.id, homeInspections.assigneeUserId)))
    .leftJoin(recorder, and(eq(recorder.orgId, homeInspections.orgId), eq(recorder.id, homeInspections.recordedBy)))
    .where(inOrg(homeInspections, orgId, eq(homeInspections.applicationId, applicationId)));
  return row ?? null;
}

/**
 * Who an inspection of a file in this branch can be assigned to: the branch's active representatives first, then
 * the execution officers (for a branch without a representative).
 */
export function inspectors(db: Db, orgId: string, branchId: string) {
  return db
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .where(
      inOrg(
        users,
        orgId,
        eq(users.disabled, false),
        or(and(eq(users.role, 'branch_rep'), eq(users.branchId, branchId)), eq(users.role, 'execution_officer')),
      ),
    )
    .orderBy(desc(eq(users.role, 'branch_rep')), asc(users.displayName));
}
