import { z } from 'zod';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { changeService, createService } from './manage-services';
import { listServices } from './queries';
import { createServiceBody, serviceSchema, updateServiceBody } from './schema';

const tags = ['services'];
const present = ({ orgId: _org, ...service }: { orgId: string } & z.infer<typeof serviceSchema>) => service;

export function registerServiceRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/services',
    {
      config: { access: 'services.read' },
      schema: {
        tags,
        querystring: z.strictObject({ active: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(serviceSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listServices(deps.db, actorOf(request).orgId, request.query.active === 'true')).map(present),
    }),
  );

  app.post(
    '/api/services',
    {
      config: { access: 'services.manage' },
      schema: { tags, body: createServiceBody, response: { 201: serviceSchema, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(present(await createService(deps, actorOf(request), request.body, requestMeta(request)))),
  );

  app.patch(
    '/api/services/:id',
    {
      config: { access: 'services.manage' },
      schema: { tags, params: idParams, body: updateServiceBody, response: { 200: serviceSchema, ...errorResponses } },
    },
    async (request) =>
      present(await changeService(deps, actorOf(request), request.params.id, request.body, requestMeta(request))),
  );
}
