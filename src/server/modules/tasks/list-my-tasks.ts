import type { TaskList } from '../../../common/api/tasks';
import type { Deps, SessionUser } from '../../http/context';
import { listTasksOf } from './queries';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The signed-in user's tasks, oldest first (open ones only unless asked). The response schema drops the rest. */
export async function listMyTasks(deps: Deps, user: SessionUser, openOnly: boolean): Promise<TaskList> {
  const rows = await listTasksOf(deps.db, user.orgId, user.id, openOnly);
  return {
    items: rows.map((t) => ({
      ...t,
      dueAt: iso(t.dueAt),
      doneAt: iso(t.doneAt),
      createdAt: t.createdAt.toISOString(),
    })),
  };
}
