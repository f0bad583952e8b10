import { taskListQuery, taskListSchema } from '../../../common/api/tasks';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { completeTask } from './complete-task';
import { listMyTasks } from './list-my-tasks';

const tags = ['tasks'];

export function registerTaskRoutes(app: App, deps: Deps) {
  app.get(
    '/api/tasks',
    {
      config: { access: 'session.self' },
      schema: { tags, querystring: taskListQuery, response: { 200: taskListSchema, ...errorResponses } },
    },
    async (request) => listMyTasks(deps, actorOf(request), request.query.open === 'true'),
  );

  app.post(
    '/api/tasks/:id/done',
    { config: { access: 'session.self' }, schema: { tags, params: idParams, response: noContentResponses } },
    async (request, reply) => {
      await completeTask(deps, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
