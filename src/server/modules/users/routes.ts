import { z } from 'zod';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { organizationOfRequest } from '../../http/host-org';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { ACCOUNT_FAILURE_FACTOR, attackedUsernames } from '../auth';
import { createUser, resetPasswordByAdmin, resetTotpByAdmin, updateUserByAdmin } from './manage-users';
import { presentUser } from './present';
import { getOrganization, listBranches, listUsers, updatePreferences } from './queries';
import { revokeSessionsByAdmin } from './revoke-sessions';
import {
  branchSchema,
  createUserBody,
  listUsersQuery,
  organizationSchema,
  preferencesBody,
  preferencesResponse,
  resetPasswordBody,
  updateUserBody,
  userSchema,
} from './schema';

const tags = ['users'];

export function registerUserRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        querystring: listUsersQuery,
        response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listUsers(deps.db, actorOf(request).orgId, request.query);
      const { maxFailures, windowMs } = deps.config.login;
      const attacked = await attackedUsernames(
        deps.db,
        rows.map((r) => r.username),
        new Date(Date.now() - windowMs),
        maxFailures * ACCOUNT_FAILURE_FACTOR,
      );
      return { items: rows.map((row) => ({ ...presentUser(row), signInAlert: attacked.has(row.username) })) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags, body: createUserBody, response: { 201: userSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const row = await createUser(deps, actorOf(request), request.body, requestMeta(request));
      return reply.status(201).send(presentUser(row));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags, params: idParams, body: updateUserBody, response: { 200: userSchema, ...errorResponses } },
    },
    async (request) =>
      presentUser(
        await updateUserByAdmin(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
      ),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'users.manage' },
      schema: { tags, params: idParams, body: resetPasswordBody, response: noContentResponses },
    },
    async (request, reply) => {
      actorOf(request);
      await resetPasswordByAdmin(deps, request.auth!, request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/users/:id/totp/reset',
    {
      config: { access: 'users.manage' },
      schema: { tags, params: idParams, response: { 200: userSchema, ...errorResponses } },
    },
    async (request) =>
      presentUser(await resetTotpByAdmin(deps, actorOf(request), request.params.id, requestMeta(request))),
  );

  /** Ends every session of the user now; their devices are told why at the next request. */
  app.post(
    '/api/users/:id/sessions/revoke',
    {
      config: { access: 'users.manage' },
      schema: { tags, params: idParams, response: { 200: z.object({ revoked: z.number().int() }), ...errorResponses } },
    },
    async (request) => revokeSessionsByAdmin(deps, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.patch(
    '/api/me/preferences',
    {
      config: { access: 'session.self' },
      schema: { tags, body: preferencesBody, response: { 200: preferencesResponse, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const row = await deps.db.transaction(async (tx) => {
        const updated = await updatePreferences(tx, user.id, request.body);
        await writeAudit(tx, user, requestMeta(request), {
          action: 'user.preferences_changed',
          entityType: 'user',
          entityId: user.id,
          details: request.body,
        });
        return updated;
      });
      return {
        preferences: { locale: row.locale === 'en' ? 'en' : 'ar', digits: row.digits === 'latn' ? 'latn' : 'arab' },
      } as const;
    },
  );

  app.get(
    '/api/branches',
    {
      config: { access: 'branches.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(branchSchema) }), ...errorResponses } },
    },
    async (request) => ({ items: await listBranches(deps.db, actorOf(request).orgId) }),
  );

  // The association's name for the sign-in page and the portal, before anyone signs in.
  app.get(
    '/api/public/organization',
    { config: { access: 'public' }, schema: { tags, response: { 200: organizationSchema, ...errorResponses } } },
    async (request) => {
      // The association of the host the sign-in page was opened at (issue 20).
      const org = await organizationOfRequest(deps, request);
      const details = org ? await getOrganization(deps.db, org.orgId) : undefined;
      if (!details) throw new AppError('request.not_found');
      return details;
    },
  );

  app.get(
    '/api/settings/organization',
    { config: { access: 'settings.read' }, schema: { tags, response: { 200: organizationSchema, ...errorResponses } } },
    async (request) => {
      const org = await getOrganization(deps.db, actorOf(request).orgId);
      if (!org) throw new AppError('request.not_found');
      return org;
    },
  );
}
