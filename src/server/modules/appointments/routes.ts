import { z } from 'zod';
import {
  appointmentOutcomeInput,
  bookAppointmentInput,
  publishSlotsInput,
  slotListSchema,
  slotsQuery,
} from '../../../common/api/appointments';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { bookAppointment } from './book-appointment';
import { listSlots } from './list-slots';
import { publishSlots } from './publish-slots';
import { recordAppointmentOutcome } from './record-outcome';

const tags = ['appointments'];

/** In-person visits (المقابلة): branches publish slots; a slot holds one booking; a held visit is a meeting contact. */
export function registerAppointmentRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/appointment-slots',
    {
      config: { access: 'appointments.manage' },
      schema: {
        tags,
        body: publishSlotsInput,
        response: { 201: z.object({ created: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishSlots(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/appointment-slots',
    {
      config: { access: 'appointments.manage' },
      schema: {
        tags,
        querystring: slotsQuery,
        response: { 200: slotListSchema, ...errorResponses },
      },
    },
    async (request) => listSlots(deps, actorOf(request), request.query),
  );

  app.post(
    '/api/appointments',
    {
      config: { access: 'appointments.manage' },
      schema: {
        tags,
        body: bookAppointmentInput,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await bookAppointment(deps, actorOf(request), request.body, requestMeta(request));
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/appointments/:id/outcome',
    {
      config: { access: 'appointments.manage' },
      schema: {
        tags,
        params: idParams,
        body: appointmentOutcomeInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await recordAppointmentOutcome(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
