import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { organizationOfRequest } from '../../http/host-org';
import { errorResponses, noContentResponses } from '../../http/schemas';
import {
  clearSessionCookie,
  readDeviceToken,
  readSessionToken,
  requestMeta,
  setDeviceCookie,
  setSessionCookie,
} from '../../http/session';
import { changePassword } from './change-password';
import { confirmTotp, disableTotp, regenerateRecoveryCodes, startTotpSetup } from './enrol-totp';
import { login } from './login';
import { presentSession } from './present';
import { countUnusedRecoveryCodes, deleteSession } from './queries';
import {
  changePasswordBody,
  loginBody,
  recoveryCodesResponse,
  recoveryStatusResponse,
  sessionResponse,
  totpCodeBody,
  totpSetupResponse,
} from './schema';
import { sessionIdOf } from './tokens';

export function registerAuthRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: sessionResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const previous = readSessionToken(request);
      const result = await login(
        deps,
        request.body,
        requestMeta(request),
        previous ? sessionIdOf(previous) : null,
        readDeviceToken(request),
        (await organizationOfRequest(deps, request))?.orgId ?? null,
      );
      setSessionCookie(request, reply, result.token, deps.config.session.absoluteMs);
      setDeviceCookie(request, reply, result.deviceToken);
      return presentSession(result.auth);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], response: { 200: sessionResponse, ...errorResponses } },
    },
    async (request) => presentSession(request.auth!),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'session.self' }, schema: { tags: ['auth'], response: noContentResponses } },
    async (request, reply) => {
      await deleteSession(deps.db, request.auth!.user.orgId, request.auth!.sessionId);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], body: changePasswordBody, response: noContentResponses },
    },
    async (request, reply) => {
      await changePassword(deps, request.auth!, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp/setup',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], response: { 200: totpSetupResponse, ...errorResponses } },
    },
    async (request) => {
      if (request.auth!.user.totpEnabled) throw new AppError('auth.totp_already_enabled');
      return startTotpSetup(deps, request.auth!);
    },
  );

  app.post(
    '/api/me/totp/confirm',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], body: totpCodeBody, response: { 200: recoveryCodesResponse, ...errorResponses } },
    },
    async (request) => confirmTotp(deps, request.auth!, request.body.code, requestMeta(request)),
  );

  app.get(
    '/api/me/totp',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], response: { 200: recoveryStatusResponse, ...errorResponses } },
    },
    async (request) => ({
      totpEnabled: request.auth!.user.totpEnabled,
      unusedRecoveryCodes: await countUnusedRecoveryCodes(deps.db, request.auth!.user.orgId, request.auth!.user.id),
    }),
  );

  app.post(
    '/api/me/totp/recovery-codes',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], body: totpCodeBody, response: { 200: recoveryCodesResponse, ...errorResponses } },
    },
    async (request) => regenerateRecoveryCodes(deps, request.auth!, request.body.code, requestMeta(request)),
  );

  app.post(
    '/api/me/totp/disable',
    {
      config: { access: 'session.self' },
      schema: { tags: ['auth'], body: totpCodeBody, response: noContentResponses },
    },
    async (request, reply) => {
      await disableTotp(deps, request.auth!, request.body.code, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
