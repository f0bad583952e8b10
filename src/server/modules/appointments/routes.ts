import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate, isoDateTime } from '../../../common/domain/fields';
import { appointmentSlots, appointments, beneficiaries } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { authorize, listBranchOf } from '../../policy';
import { fullName } from '../beneficiaries';
import { branchExists } from '../users';
import { bookAppointment } from './book-appointment';
import { recordAppointmentOutcome } from './record-outcome';

const tags = ['appointments'];

const slotsBody = z.strictObject({
  branchId: z.uuid(),
  slots: z
    .array(z.strictObject({ startsAt: isoDateTime(), minutes: z.number().int().min(5).max(240) }))
    .min(1)
    .max(100),
});

/** In-person visits (المقابلة): branches publish slots; a slot holds one booking; a held visit is a meeting contact. */
export function registerAppointmentRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/appointment-slots',
    {
      config: { access: 'appointments.manage' },
      schema: { tags, body: slotsBody, response: { 201: z.object({ created: z.number() }), ...errorResponses } },
    },
    async (request, reply) => {
      const user = actorOf(request);
      authorize(user, 'appointments.manage', { orgId: user.orgId, branchId: request.body.branchId });
      if (!(await branchExists(deps.db, user.orgId, request.body.branchId)))
        throw new AppError('user.branch_not_found');
      const rows = request.body.slots.map((s) => ({
        orgId: user.orgId,
        branchId: request.body.branchId,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(new Date(s.startsAt).getTime() + s.minutes * 60_000),
        createdBy: user.id,
      }));
      await deps.db.transaction(async (tx) => {
        await tx.insert(appointmentSlots).values(rows);
        await writeAudit(tx, user, requestMeta(request), {
          action: 'appointments.slots_published',
          entityType: 'branch',
          entityId: request.body.branchId,
          details: { count: rows.length },
        });
      });
      return reply.status(201).send({ created: rows.length });
    },
  );

  app.get(
    '/api/appointment-slots',
    {
      config: { access: 'appointments.manage' },
      schema: {
        tags,
        querystring: z.strictObject({ branchId: z.uuid().optional(), from: isoDate(), to: isoDate() }),
      },
    },
    async (request) => {
      const user = actorOf(request);
      const q = request.query;
      const branchId = listBranchOf(user) ?? q.branchId;
      const slots = await deps.db
        .select()
        .from(appointmentSlots)
        .where(
          inOrg(
            appointmentSlots,
            user.orgId,
            branchId ? eq(appointmentSlots.branchId, branchId) : undefined,
            gte(appointmentSlots.startsAt, new Date(`${q.from}T00:00:00+03:00`)),
            lte(appointmentSlots.startsAt, new Date(`${q.to}T23:59:59+03:00`)),
          ),
        )
        .orderBy(asc(appointmentSlots.startsAt))
        .limit(500);
      const booked = slots.length
        ? await deps.db
            .select({
              slotId: appointments.slotId,
              id: appointments.id,
              status: appointments.status,
              purpose: appointments.purpose,
              beneficiaryId: appointments.beneficiaryId,
              firstName: beneficiaries.firstName,
              fatherName: beneficiaries.fatherName,
              grandfatherName: beneficiaries.grandfatherName,
              familyName: beneficiaries.familyName,
            })
            .from(appointments)
            .innerJoin(
              beneficiaries,
              and(eq(beneficiaries.orgId, appointments.orgId), eq(beneficiaries.id, appointments.beneficiaryId)),
            )
            .where(
              and(
                inArray(
                  appointments.slotId,
                  slots.map((s) => s.id),
                ),
                inArray(appointments.status, ['booked', 'held']),
              ),
            )
        : [];
      return {
        items: slots.map((s) => {
          const a = booked.find((b) => b.slotId === s.id);
          return {
            id: s.id,
            branchId: s.branchId,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            appointment: a
              ? {
                  id: a.id,
                  status: a.status,
                  purpose: a.purpose,
                  beneficiaryId: a.beneficiaryId,
                  beneficiaryName: fullName(a),
                }
              : null,
          };
        }),
      };
    },
  );

  app.post(
    '/api/appointments',
    {
      config: { access: 'appointments.manage' },
      schema: {
        tags,
        body: z.strictObject({ slotId: z.uuid(), beneficiaryId: z.uuid(), purpose: z.string().trim().min(3).max(500) }),
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
        body: z.strictObject({
          outcome: z.enum(['held', 'no_show', 'cancelled']),
          summary: z.string().trim().min(2).max(4000).optional(),
        }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await recordAppointmentOutcome(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
