import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { markTaskDone } from './queries';

/** Ticks off one of the user's own tasks; someone else's task is "not found", not "forbidden". */
export async function completeTask(deps: Deps, user: SessionUser, id: string) {
  if (!(await markTaskDone(deps.db, user.orgId, user.id, id, new Date()))) throw new AppError('task.not_found');
}
