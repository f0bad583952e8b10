import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { volunteerHours, volunteers } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

/** The organisation's volunteers, newest first, each with the hours logged so far. */
export function listVolunteerRows(db: Db, orgId: string) {
  return db
    .select({
      id: volunteers.id,
      name: volunteers.name,
      mobile: volunteers.mobile,
      branchId: volunteers.branchId,
      skills: volunteers.skills,
      availability: volunteers.availability,
      status: volunteers.status,
      createdAt: volunteers.createdAt,
      // Qualified by hand: inside a select list Drizzle leaves column names unqualified.
      totalHours: sql<string>`(select coalesce(sum(vh.hours), 0) from volunteer_hours vh where vh.org_id = "volunteers"."org_id" and vh.volunteer_id = "volunteers"."id")`,
    })
    .from(volunteers)
    .where(inOrg(volunteers, orgId))
    .orderBy(desc(volunteers.createdAt))
    .limit(500);
}

export async function getVolunteerStatus(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: volunteers.id, status: volunteers.status })
    .from(volunteers)
    .where(inOrg(volunteers, orgId, eq(volunteers.id, id)));
  return row;
}

export async function insertVolunteer(db: Db, values: typeof volunteers.$inferInsert) {
  const [row] = await db.insert(volunteers).values(values).returning({ id: volunteers.id });
  return row!.id;
}

/** Changes a volunteer's record; false when there is no such volunteer in the organisation. */
export async function updateVolunteerRow(
  db: Db,
  orgId: string,
  id: string,
  set: Partial<Pick<typeof volunteers.$inferInsert, 'status' | 'skills' | 'availability'>>,
) {
  const rows = await db
    .update(volunteers)
    .set(set)
    .where(inOrg(volunteers, orgId, eq(volunteers.id, id)))
    .returning({ id: volunteers.id });
  return rows.length > 0;
}

export function insertHours(db: Db, values: typeof volunteerHours.$inferInsert) {
  return db.insert(volunteerHours).values(values);
}
