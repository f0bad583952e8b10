import { and, desc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { auditLog, beneficiaries, consents, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { fullName, loadBeneficiaryFor } from '../beneficiaries';
import { correctBeneficiary, correctionInput } from './correct-beneficiary';

const tags = ['privacy'];

/** The audit actions that mean someone saw the person's data. */
export const ACCESS_ACTIONS = ['beneficiary.viewed', 'privacy.exported', 'document.downloaded'] as const;

/** The person's requests handled on screen: correction with a reason, consent withdrawal, who opened the file. */
export function registerPrivacyRequestRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/beneficiaries/:id/corrections',
    {
      config: { access: 'beneficiaries.write' },
      schema: {
        tags,
        params: idParams,
        body: correctionInput,
        response: {
          201: z.object({ revisionId: z.string(), fields: z.array(z.string()) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await correctBeneficiary(
        deps,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/beneficiaries/:id/privacy',
    {
      config: { access: 'beneficiaries.read' },
      schema: {
        tags,
        params: idParams,
        response: {
          200: z.object({
            legalHold: z.object({ until: z.string(), reason: z.string().nullable() }).nullable(),
            anonymisedAt: z.string().nullable(),
            consents: z.array(
              z.object({
                id: z.string(),
                purpose: z.string(),
                noticeVersion: z.string(),
                channel: z.string(),
                at: z.string(),
                withdrawnAt: z.string().nullable(),
                withdrawnReason: z.string().nullable(),
                withdrawnByName: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      const [[file], rows] = await Promise.all([
        deps.db
          .select({
            until: beneficiaries.legalHoldUntil,
            reason: beneficiaries.legalHoldReason,
            anonymisedAt: beneficiaries.anonymisedAt,
          })
          .from(beneficiaries)
          .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, request.params.id))),
        deps.db
          .select({
            id: consents.id,
            purpose: consents.purpose,
            noticeVersion: consents.noticeVersion,
            channel: consents.channel,
            at: consents.at,
            withdrawnAt: consents.withdrawnAt,
            withdrawnReason: consents.withdrawnReason,
            withdrawnByName: users.displayName,
          })
          .from(consents)
          .leftJoin(users, and(eq(users.orgId, consents.orgId), eq(users.id, consents.withdrawnBy)))
          .where(inOrg(consents, user.orgId, eq(consents.beneficiaryId, request.params.id)))
          .orderBy(consents.at),
      ]);
      const today = riyadhDate(new Date());
      return {
        legalHold: file?.until && file.until >= today ? { until: file.until, reason: file.reason } : null,
        anonymisedAt: file?.anonymisedAt?.toISOString() ?? null,
        consents: rows.map((c) => ({
          ...c,
          at: c.at.toISOString(),
          withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
          withdrawnByName: c.withdrawnByName ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/beneficiaries/:id/consents/:consentId/withdraw',
    {
      config: { access: 'privacy.consent' },
      schema: {
        tags,
        params: z.strictObject({ id: z.uuid(), consentId: z.uuid() }),
        body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      await deps.db.transaction(async (tx) => {
        const [consent] = await tx
          .select({ id: consents.id, withdrawnAt: consents.withdrawnAt })
          .from(consents)
          .where(
            inOrg(
              consents,
              user.orgId,
              and(eq(consents.id, request.params.consentId), eq(consents.beneficiaryId, request.params.id)),
            ),
          );
        if (!consent) throw new AppError('privacy.consent_not_found');
        if (consent.withdrawnAt) throw new AppError('privacy.consent_withdrawn');
        const at = new Date();
        await tx
          .update(consents)
          .set({ withdrawnAt: at, withdrawnReason: request.body.reason, withdrawnBy: user.id })
          .where(eq(consents.id, consent.id));
        await writeAudit(tx, user, requestMeta(request), {
          action: 'privacy.consent_withdrawn',
          entityType: 'beneficiary',
          entityId: request.params.id,
          details: {
            consentId: consent.id,
            reason: request.body.reason,
            before: { withdrawnAt: null },
            after: { withdrawnAt: at.toISOString() },
          },
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/beneficiaries/:id/access-log',
    {
      config: { access: 'privacy.access_log' },
      schema: {
        tags,
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                at: z.string(),
                action: z.enum(ACCESS_ACTIONS),
                username: z.string().nullable(),
                name: z.string().nullable(),
                role: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = actorOf(request);
      await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      const rows = await deps.db
        .select({
          at: auditLog.at,
          action: auditLog.action,
          username: auditLog.actorUsername,
          name: users.displayName,
          role: users.role,
        })
        .from(auditLog)
        .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.actorUserId)))
        .where(
          inOrg(
            auditLog,
            user.orgId,
            and(
              eq(auditLog.entityType, 'beneficiary'),
              eq(auditLog.entityId, request.params.id),
              inArray(auditLog.action, [...ACCESS_ACTIONS]),
            ),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(200);
      return {
        items: rows.map((r) => ({
          ...r,
          at: r.at.toISOString(),
          action: r.action as (typeof ACCESS_ACTIONS)[number],
          name: r.name ?? null,
          role: r.role ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/privacy/legal-holds',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                fileNumber: z.string(),
                name: z.string(),
                until: z.string(),
                reason: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = actorOf(request);
      const rows = await deps.db
        .select({
          id: beneficiaries.id,
          fileNumber: beneficiaries.fileNumber,
          firstName: beneficiaries.firstName,
          fatherName: beneficiaries.fatherName,
          grandfatherName: beneficiaries.grandfatherName,
          familyName: beneficiaries.familyName,
          until: beneficiaries.legalHoldUntil,
          reason: beneficiaries.legalHoldReason,
        })
        .from(beneficiaries)
        .where(
          inOrg(
            beneficiaries,
            user.orgId,
            and(isNotNull(beneficiaries.legalHoldUntil), gte(beneficiaries.legalHoldUntil, riyadhDate(new Date()))),
          ),
        )
        .orderBy(beneficiaries.legalHoldUntil)
        .limit(500);
      return {
        items: rows.map((r) => ({
          id: r.id,
          fileNumber: r.fileNumber,
          name: fullName(r),
          until: r.until!,
          reason: r.reason,
        })),
      };
    },
  );
}
