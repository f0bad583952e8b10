import {
  anonymiseInput,
  breachInput,
  breachListSchema,
  createdBreachSchema,
  exportQuery,
  legalHoldInput,
  revisionListSchema,
  updateBreachInput,
} from '../../../common/api/privacy';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { anonymiseOnRequest } from './anonymise-on-request';
import { exportPersonalData } from './export-personal-data';
import { listBreaches } from './list-breaches';
import { listRevisions } from './list-revisions';
import { recordBreach } from './record-breach';
import { registerPrivacyRequestRoutes } from './request-routes';
import { setLegalHold } from './set-legal-hold';
import { updateBreach } from './update-breach';

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
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const out = await exportPersonalData(
        deps,
        actorOf(request),
        request.params.id,
        request.query.format,
        requestMeta(request),
      );
      if (out.format === 'json')
        return reply.header('content-disposition', `attachment; filename="${out.fileName}"`).send(out.data);
      return reply.type('text/html; charset=utf-8').send(out.html);
    },
  );

  app.get(
    '/api/beneficiaries/:id/revisions',
    {
      config: { access: 'beneficiaries.read_sensitive' },
      schema: { tags, params: idParams, response: { 200: revisionListSchema, ...errorResponses } },
    },
    async (request) => listRevisions(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/beneficiaries/:id/legal-hold',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags,
        params: idParams,
        body: legalHoldInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await setLegalHold(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
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
        body: anonymiseInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await anonymiseOnRequest(deps, actorOf(request), request.params.id, request.body.reason, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/breaches',
    { config: { access: 'breaches.manage' }, schema: { tags, response: { 200: breachListSchema, ...errorResponses } } },
    async (request) => listBreaches(deps, actorOf(request)),
  );

  app.post(
    '/api/breaches',
    {
      config: { access: 'breaches.manage' },
      schema: { tags, body: breachInput, response: { 201: createdBreachSchema, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordBreach(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    '/api/breaches/:id',
    {
      config: { access: 'breaches.manage' },
      schema: {
        tags,
        params: idParams,
        body: updateBreachInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await updateBreach(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
