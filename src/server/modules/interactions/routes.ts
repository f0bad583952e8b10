import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mobileSchema } from '../../../common/domain/beneficiary';
import { CHANNELS, channelSchema } from '../../../common/domain/channels';
import { isoDateTime } from '../../../common/domain/fields';
import {
  applications,
  applicationTransitions,
  cases,
  deliveries,
  interactions,
  services,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { loadBeneficiaryFor } from '../beneficiaries';
import { createInteraction, linkInteraction, listInteractions } from './manage-interactions';

const tags = ['interactions'];

const createBody = z
  .strictObject({
    channel: channelSchema,
    direction: z.enum(['inbound', 'outbound']),
    summary: z.string().trim().min(2).max(4000),
    occurredAt: isoDateTime().optional(),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .optional(),
    beneficiaryId: z.uuid().optional(),
    contactName: z.string().trim().min(2).max(120).optional(),
    contactMobile: mobileSchema.optional(),
    applicationId: z.uuid().optional(),
    caseId: z.uuid().optional(),
  })
  .refine((b) => b.beneficiaryId || b.contactName || b.contactMobile, {
    message: 'field.contact_required',
    path: ['beneficiaryId'],
  });

const listQuery = z.strictObject({
  beneficiaryId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  unlinked: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function registerInteractionRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/interactions',
    {
      // A contact logged on a phone without a signal is sent from its queue with an Idempotency-Key.
      config: { access: 'interactions.create', idempotent: true },
      schema: { tags, body: createBody, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } },
    },
    async (request, reply) => {
      const id = await createInteraction(deps, actorOf(request), request.body, requestMeta(request));
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/interactions',
    { config: { access: 'interactions.read' }, schema: { tags, querystring: listQuery } },
    async (request) => listInteractions(deps, actorOf(request), request.query),
  );

  /** An unidentified contact (name + mobile) is linked to a file once the person is known. */
  app.patch(
    '/api/interactions/:id',
    {
      config: { access: 'interactions.create' },
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ beneficiaryId: z.uuid() }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await linkInteraction(
        deps,
        actorOf(request),
        request.params.id,
        request.body.beneficiaryId,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  /** One timeline of a file: contacts, application steps and decisions, deliveries and cases, newest first. */
  app.get(
    '/api/beneficiaries/:id/timeline',
    { config: { access: 'beneficiaries.read' }, schema: { tags, params: idParams } },
    async (request) => {
      const user = actorOf(request);
      const b = await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      const [contacts, steps, visits, caseRows] = await Promise.all([
        deps.db
          .select({
            id: interactions.id,
            at: interactions.occurredAt,
            channel: interactions.channel,
            direction: interactions.direction,
            summary: interactions.summary,
            by: users.displayName,
          })
          .from(interactions)
          .leftJoin(users, and(eq(users.orgId, interactions.orgId), eq(users.id, interactions.userId)))
          .where(inOrg(interactions, user.orgId, eq(interactions.beneficiaryId, b.id)))
          .orderBy(desc(interactions.occurredAt))
          .limit(500),
        deps.db
          .select({
            id: applicationTransitions.id,
            at: applicationTransitions.at,
            reference: applications.reference,
            fromStage: applicationTransitions.fromStage,
            toStage: applicationTransitions.toStage,
            note: applicationTransitions.note,
            by: users.displayName,
            channel: applicationTransitions.channel,
          })
          .from(applicationTransitions)
          .innerJoin(
            applications,
            and(
              eq(applications.orgId, applicationTransitions.orgId),
              eq(applications.id, applicationTransitions.applicationId),
            ),
          )
          .leftJoin(
            users,
            and(eq(users.orgId, applicationTransitions.orgId), eq(users.id, applicationTransitions.byUser)),
          )
          .where(inOrg(applications, user.orgId, eq(applications.beneficiaryId, b.id)))
          .limit(500),
        deps.db
          .select({
            id: deliveries.id,
            date: deliveries.scheduledDate,
            status: deliveries.status,
            completedAt: deliveries.completedAt,
            service: services.nameAr,
            failureReason: deliveries.failureReason,
            createdAt: deliveries.createdAt,
          })
          .from(deliveries)
          .innerJoin(services, and(eq(services.orgId, deliveries.orgId), eq(services.id, deliveries.serviceId)))
          .where(inOrg(deliveries, user.orgId, eq(deliveries.beneficiaryId, b.id)))
          .limit(500),
        deps.db
          .select({
            id: cases.id,
            at: cases.createdAt,
            reference: cases.reference,
            kind: cases.kind,
            status: cases.status,
            subject: cases.subject,
          })
          .from(cases)
          .where(inOrg(cases, user.orgId, eq(cases.beneficiaryId, b.id)))
          .limit(500),
      ]);
      const items = [
        ...contacts.map((c) => ({
          type: 'interaction' as const,
          id: c.id,
          at: c.at.toISOString(),
          channel: c.channel,
          direction: c.direction,
          text: c.summary,
          by: c.by,
        })),
        ...steps.map((s) => ({
          type: ['accepted', 'rejected', 'deferred'].includes(s.toStage)
            ? ('decision' as const)
            : ('application' as const),
          id: String(s.id),
          at: s.at.toISOString(),
          channel: s.channel,
          reference: s.reference,
          fromStage: s.fromStage,
          toStage: s.toStage,
          text: s.note,
          by: s.by,
        })),
        ...visits.map((d) => ({
          type: 'delivery' as const,
          id: d.id,
          at: (d.completedAt ?? d.createdAt).toISOString(),
          date: d.date,
          status: d.status,
          text: d.failureReason ?? d.service,
          service: d.service,
        })),
        ...caseRows.map((c) => ({
          type: 'case' as const,
          id: c.id,
          at: c.at.toISOString(),
          reference: c.reference,
          kind: c.kind,
          status: c.status,
          text: c.subject,
        })),
      ].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
      return { items };
    },
  );
}
