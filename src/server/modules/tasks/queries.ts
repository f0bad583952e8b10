import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export function listTasksOf(db: Db, orgId: string, userId: string, openOnly: boolean) {
  return db
    .select()
    .from(tasks)
    .where(inOrg(tasks, orgId, eq(tasks.assigneeUserId, userId), openOnly ? isNull(tasks.doneAt) : undefined))
    .orderBy(tasks.createdAt)
    .limit(200);
}

/** Marks one of the user's own tasks done; false when there is no such task of theirs. */
export async function markTaskDone(db: Db, orgId: string, userId: string, id: string, at: Date) {
  const rows = await db
    .update(tasks)
    .set({ doneAt: at })
    .where(inOrg(tasks, orgId, and(eq(tasks.id, id), eq(tasks.assigneeUserId, userId))))
    .returning({ id: tasks.id });
  return rows.length > 0;
}
