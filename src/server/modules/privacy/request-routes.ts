import { z } from 'zod';
import {
  accessLogSchema,
  correctionInput,
  correctionResultSchema,
  filePrivacySchema,
  legalHoldListSchema,
  withdrawConsentInput,
} from '../../../common/api/privacy';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { correctBeneficiary } from './correct-beneficiary';
import { getPrivacyStatus } from './get-privacy-status';
import { listAccessLog } from './list-access-log';
import { listLegalHolds } from './list-legal-holds';
import { withdrawConsent } from './withdraw-consent';

const tags = ['privacy'];

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
        response: { 201: correctionResultSchema, ...errorResponses },
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
        response: { 200: filePrivacySchema, ...errorResponses },
      },
    },
    async (request) => getPrivacyStatus(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/beneficiaries/:id/consents/:consentId/withdraw',
    {
      config: { access: 'privacy.consent' },
      schema: {
        tags,
        params: z.strictObject({ id: z.uuid(), consentId: z.uuid() }),
        body: withdrawConsentInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const { id, consentId } = request.params;
      await withdrawConsent(deps, actorOf(request), id, consentId, request.body.reason, requestMeta(request));
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
        response: { 200: accessLogSchema, ...errorResponses },
      },
    },
    async (request) => listAccessLog(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/privacy/legal-holds',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags,
        response: { 200: legalHoldListSchema, ...errorResponses },
      },
    },
    async (request) => listLegalHolds(deps, actorOf(request)),
  );
}
