import { z } from 'zod';
import { mobileSchema } from '../../../common/domain/beneficiary';
import { isoDate } from '../../../common/domain/fields';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { listVolunteers } from './list-volunteers';
import { logVolunteerHours } from './log-hours';
import { signUpVolunteer } from './sign-up-volunteer';
import { updateVolunteer } from './update-volunteer';

const tags = ['volunteers'];
const signUp = z.strictObject({
  name: z.string().trim().min(2).max(120),
  mobile: mobileSchema,
  branchId: z.uuid().nullable().default(null),
  skills: z.array(z.string().trim().min(2).max(60)).max(20).default([]),
  availability: z.string().trim().max(500).default(''),
});

/** Volunteers (خدمة التطوع): a sign-up is a contact on the volunteering channel; hours and tasks are logged. */
export function registerVolunteerRoutes(app: App, deps: Deps): void {
  app.get('/api/volunteers', { config: { access: 'volunteers.read' }, schema: { tags } }, async (request) =>
    listVolunteers(deps, actorOf(request)),
  );

  app.post(
    '/api/volunteers',
    {
      config: { access: 'volunteers.manage' },
      schema: { tags, body: signUp, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } },
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
        body: z
          .strictObject({
            status: z.enum(['applied', 'active', 'inactive']).optional(),
            skills: z.array(z.string().trim().min(2).max(60)).max(20).optional(),
            availability: z.string().trim().max(500).optional(),
          })
          .refine((b) => Object.keys(b).length > 0, { message: 'field.required' }),
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
        body: z.strictObject({
          workedOn: isoDate(),
          hours: z.number().min(0.25).max(24),
          task: z.string().trim().min(2).max(300),
          deliveryId: z.uuid().optional(),
        }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await logVolunteerHours(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
