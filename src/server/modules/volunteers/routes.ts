import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { mobileSchema } from '../../../common/domain/beneficiary';
import { isoDate } from '../../../common/domain/fields';
import { isUniqueViolation } from '../../db/errors';
import { volunteerHours, volunteers } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { recordInteraction } from '../timeline';
import { branchExists } from '../users';

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
  app.get('/api/volunteers', { config: { access: 'volunteers.read' }, schema: { tags } }, async (request) => {
    const user = actorOf(request);
    const rows = await deps.db
      .select({
        id: volunteers.id,
        name: volunteers.name,
        mobile: volunteers.mobile,
        branchId: volunteers.branchId,
        skills: volunteers.skills,
        availability: volunteers.availability,
        status: volunteers.status,
        createdAt: volunteers.createdAt,
        // Qualified by hand: inside a select list Drizzle leaves column names unqualified.
        totalHours: sql<string>`(select coalesce(sum(vh.hours), 0) from volunteer_hours vh
          where vh.org_id = "volunteers"."org_id" and vh.volunteer_id = "volunteers"."id")`,
      })
      .from(volunteers)
      .where(inOrg(volunteers, user.orgId))
      .orderBy(desc(volunteers.createdAt))
      .limit(500);
    return {
      items: rows.map((r) => ({ ...r, totalHours: Number(r.totalHours), createdAt: r.createdAt.toISOString() })),
    };
  });

  app.post(
    '/api/volunteers',
    {
      config: { access: 'volunteers.manage' },
      schema: { tags, body: signUp, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } },
    },
    async (request, reply) => {
      const user = actorOf(request);
      const b = request.body;
      if (b.branchId && !(await branchExists(deps.db, user.orgId, b.branchId)))
        throw new AppError('user.branch_not_found');
      try {
        const id = await deps.db.transaction(async (tx) => {
          const [row] = await tx
            .insert(volunteers)
            .values({ orgId: user.orgId, ...b })
            .returning({ id: volunteers.id });
          await recordInteraction(tx, {
            orgId: user.orgId,
            channel: 'volunteering',
            direction: 'inbound',
            userId: user.id,
            summary: `تسجيل متطوع: ${b.name}`,
            contactName: b.name,
            contactMobile: b.mobile,
          });
          await writeAudit(tx, user, requestMeta(request), {
            action: 'volunteer.created',
            entityType: 'volunteer',
            entityId: row!.id,
          });
          return row!.id;
        });
        return reply.status(201).send({ id });
      } catch (error) {
        if (isUniqueViolation(error, 'volunteers_org_mobile_uq')) throw new AppError('volunteer.exists');
        throw error;
      }
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
      const user = actorOf(request);
      const rows = await deps.db.transaction(async (tx) => {
        const updated = await tx
          .update(volunteers)
          .set(request.body)
          .where(inOrg(volunteers, user.orgId, eq(volunteers.id, request.params.id)))
          .returning({ id: volunteers.id });
        if (updated.length > 0)
          await writeAudit(tx, user, requestMeta(request), {
            action: 'volunteer.updated',
            entityType: 'volunteer',
            entityId: request.params.id,
            details: request.body,
          });
        return updated;
      });
      if (rows.length === 0) throw new AppError('volunteer.not_found');
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
      const user = actorOf(request);
      const [v] = await deps.db
        .select({ id: volunteers.id, status: volunteers.status })
        .from(volunteers)
        .where(inOrg(volunteers, user.orgId, eq(volunteers.id, request.params.id)));
      if (!v) throw new AppError('volunteer.not_found');
      if (v.status !== 'active') throw new AppError('volunteer.not_active');
      await deps.db.transaction(async (tx) => {
        await tx.insert(volunteerHours).values({
          orgId: user.orgId,
          volunteerId: v.id,
          workedOn: request.body.workedOn,
          hours: String(request.body.hours),
          task: request.body.task,
          deliveryId: request.body.deliveryId ?? null,
          loggedBy: user.id,
        });
        await writeAudit(tx, user, requestMeta(request), {
          action: 'volunteer.hours',
          entityType: 'volunteer',
          entityId: v.id,
        });
      });
      return reply.status(204).send();
    },
  );
}
