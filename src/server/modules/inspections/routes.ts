import { appointmentInput, assignInspectionInput, inspectionResultInput } from '../../../common/domain/committee';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { setAppointment } from '../committee';
import { assignInspection } from './assign-inspection';
import { getInspection } from './get-inspection';
import { recordInspection } from './record-inspection';
import { inspectionResponse } from './schema';

const tags = ['inspections'];

/** The completing stage's two recorded steps: the home inspection and the agreed delivery appointment. */
export function registerInspectionRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/applications/:id/inspection',
    {
      config: { access: 'applications.read' },
      schema: { tags, params: idParams, response: { 200: inspectionResponse, ...errorResponses } },
    },
    async (request) => getInspection(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/applications/:id/inspection/assignee',
    {
      config: { access: 'inspections.assign' },
      schema: { tags, params: idParams, body: assignInspectionInput, response: noContentResponses },
    },
    async (request, reply) => {
      await assignInspection(
        deps,
        actorOf(request),
        request.params.id,
        request.body.assigneeUserId,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/applications/:id/inspection/result',
    {
      config: { access: 'inspections.record' },
      schema: { tags, params: idParams, body: inspectionResultInput, response: noContentResponses },
    },
    async (request, reply) => {
      await recordInspection(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/applications/:id/appointment',
    {
      config: { access: 'applications.complete' },
      schema: { tags, params: idParams, body: appointmentInput, response: noContentResponses },
    },
    async (request, reply) => {
      await setAppointment(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
