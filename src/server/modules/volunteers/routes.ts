import { z } from 'zod';
import {
  signUpVolunteerInput,
  updateVolunteerInput,
  volunteerHoursInput,
  volunteerListSchema,
} from '../../../common/api/volunteers';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { listVolunteers } from './list-volunteers';
import { logVolunteerHours } from './log-hours';
import { signUpVolunteer } from './sign-up-volunteer';
import { updateVolunteer } from './update-volunteer';

const tags = ['volunteers'];
/** Volunteers (خدمة التطوع): a sign-up is a contact on the volunteering channel; hours and tasks are logged. */
export function registerVolunteerRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/volunteers',
    {
      config: { access: 'volunteers.read' },
      schema: { tags, response: { 200: volunteerListSchema, ...errorResponses } },
    },
    async (request) => listVolunteers(deps, actorOf(request)),
  );

  app.post(
    '/api/volunteers',
    {
      config: { access: 'volunteers.manage' },
      schema: { tags, body: signUpVolunteerInput, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } },
    },
    async (request, reply) => {
      const id = await signUpVolunteer(deps, actorOf(request), request.body, requestMeta(request));
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/volunteers/:id',
    {
      config: { access: 'volunteers.manage' },
      schema: {
        tags,
        params: idParams,
        body: updateVolunteerInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await updateVolunteer(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/volunteers/:id/hours',
    {
      config: { access: 'volunteers.manage' },
      schema: {
        tags,
        params: idParams,
        body: volunteerHoursInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await logVolunteerHours(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
