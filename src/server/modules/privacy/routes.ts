import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { isoDate, isoDateTime } from '../../../common/domain/fields';
import { beneficiaries, beneficiaryRevisions, breaches, services, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { printPage } from '../../print/html';
import { loadBeneficiaryFor } from '../beneficiaries';
import { getSettings } from '../settings';
import { getOrganization, listBranches } from '../users';
import { anonymiseBeneficiary, collectPersonalData } from './privacy';
import { readableCopy } from './readable-copy';
import { registerPrivacyRequestRoutes } from './request-routes';

const tags = ['privacy'];

export function registerPrivacyRoutes(app: App, deps: Deps): void {
  registerPrivacyRequestRoutes(app, deps);
  app.get(
    '/api/beneficiaries/:id/export',
    {
      config: { access: 'beneficiaries.read_sensitive' },
      schema: {
        tags,
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['json', 'html']).default('json') }),
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      const data = await collectPersonalData(deps.db, user.orgId, request.params.id);
      await writeAudit(deps.db, user, requestMeta(request), {
        action: 'privacy.exported',
        entityType: 'beneficiary',
        entityId: request.params.id,
        details: { format: request.query.format },
      });
      if (request.query.format === 'json') {
        return reply
          .header('content-disposition', `attachment; filename="beneficiary-${data.file.fileNumber}.json"`)
          .send(data);
      }
      const [settings, org, branchRows, serviceRows] = await Promise.all([
        getSettings(deps.db, user.orgId),
        getOrganization(deps.db, user.orgId),
        listBranches(deps.db, user.orgId),
        deps.db.select({ id: services.id, nameAr: services.nameAr }).from(services).where(inOrg(services, user.orgId)),
      ]);
      const names = {
        branch: branchRows.find((b) => b.id === data.file.branchId)?.nameAr ?? null,
        services: new Map(serviceRows.map((r) => [r.id, r.nameAr])),
      };
      return reply.type('text/html; charset=utf-8').send(
        printPage({
          title: `بيانات المستفيد ${data.file.fileNumber}`,
          orgNameAr: org?.nameAr ?? '',
          letterhead: settings.letterheadAr,
          body: readableCopy(data, names),
        }),
      );
    },
  );

  app.get(
    '/api/beneficiaries/:id/revisions',
    { config: { access: 'beneficiaries.read_sensitive' }, schema: { tags, params: idParams } },
    async (request) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      const rows = await deps.db
        .select({
          at: beneficiaryRevisions.at,
          changes: beneficiaryRevisions.changes,
          reason: beneficiaryRevisions.reason,
          byName: users.displayName,
        })
        .from(beneficiaryRevisions)
        .leftJoin(users, and(eq(users.orgId, beneficiaryRevisions.orgId), eq(users.id, beneficiaryRevisions.byUser)))
        .where(inOrg(beneficiaryRevisions, user.orgId, eq(beneficiaryRevisions.beneficiaryId, request.params.id)))
        .orderBy(desc(beneficiaryRevisions.at));
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );

  app.put(
    '/api/beneficiaries/:id/legal-hold',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ until: isoDate().nullable(), reason: z.string().trim().min(3).max(500) }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      await deps.db.transaction(async (tx) => {
        await tx
          .update(beneficiaries)
          .set({ legalHoldUntil: request.body.until, legalHoldReason: request.body.reason })
          .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, request.params.id)));
        await writeAudit(tx, user, requestMeta(request), {
          action: 'privacy.legal_hold',
          entityType: 'beneficiary',
          entityId: request.params.id,
          details: request.body,
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/beneficiaries/:id/anonymise',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(5).max(500) }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      await anonymiseBeneficiary(
        deps.db,
        user.orgId,
        request.params.id,
        riyadhDate(new Date()),
        deps.config.uploadDir,
        user,
        requestMeta(request),
        request.body.reason,
      );
      return reply.status(204).send();
    },
  );

  const breachBody = z.strictObject({
    discoveredAt: isoDateTime(),
    description: z.string().trim().min(5).max(4000),
    dataKinds: z.string().trim().min(2).max(500),
    affectedCount: z.number().int().min(0).max(10_000_000),
    actions: z.string().trim().max(4000).default(''),
  });

  app.get('/api/breaches', { config: { access: 'breaches.manage' }, schema: { tags } }, async (request) => {
    const rows = await deps.db
      .select()
      .from(breaches)
      .where(inOrg(breaches, actorOf(request).orgId))
      .orderBy(desc(breaches.discoveredAt));
    const now = Date.now();
    return {
      items: rows.map(({ orgId: _o, ...b }) => ({
        ...b,
        discoveredAt: b.discoveredAt.toISOString(),
        reportedAt: b.reportedAt?.toISOString() ?? null,
        createdAt: b.createdAt.toISOString(),
        reportDueAt: new Date(b.discoveredAt.getTime() + 72 * 3_600_000).toISOString(),
        // Reported late, or not yet reported and past 72 hours.
        overdue: (b.reportedAt?.getTime() ?? now) > b.discoveredAt.getTime() + 72 * 3_600_000,
      })),
    };
  });

  app.post(
    '/api/breaches',
    { config: { access: 'breaches.manage' }, schema: { tags, body: breachBody } },
    async (request, reply) => {
      const user = actorOf(request);
      const [row] = await deps.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(breaches)
          .values({
            ...request.body,
            discoveredAt: new Date(request.body.discoveredAt),
            orgId: user.orgId,
            createdBy: user.id,
          })
          .returning({ id: breaches.id });
        await writeAudit(tx, user, requestMeta(request), {
          action: 'privacy.breach_recorded',
          entityType: 'breach',
          entityId: inserted[0]!.id,
        });
        return inserted;
      });
      return reply.status(201).send({ id: row!.id });
    },
  );

  app.patch(
    '/api/breaches/:id',
    {
      config: { access: 'breaches.manage' },
      schema: {
        tags,
        params: idParams,
        body: z
          .strictObject({
            reportedAt: isoDateTime().optional(),
            reportedTo: z.string().trim().max(300).optional(),
            actions: z.string().trim().max(4000).optional(),
            status: z.enum(['open', 'closed']).optional(),
          })
          .refine((b) => Object.keys(b).length > 0, { message: 'field.required' }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      const { reportedAt, ...rest } = request.body;
      const rows = await deps.db.transaction(async (tx) => {
        const updated = await tx
          .update(breaches)
          .set({ ...rest, ...(reportedAt ? { reportedAt: new Date(reportedAt) } : {}) })
          .where(inOrg(breaches, user.orgId, eq(breaches.id, request.params.id)))
          .returning({ id: breaches.id });
        if (updated.length)
          await writeAudit(tx, user, requestMeta(request), {
            action: 'privacy.breach_updated',
            entityType: 'breach',
            entityId: request.params.id,
          });
        return updated;
      });
      if (rows.length === 0) throw new AppError('privacy.breach_not_found');
      return reply.status(204).send();
    },
  );
}
