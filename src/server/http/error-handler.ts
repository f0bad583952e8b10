import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, statusOf } from '../errors';
import type { App } from './context';
import { hasMessage, type Lang, pickLang, translate } from './i18n';

type FieldIssue = { field: string; issue: string; message: string };

/** Zod issues become field errors in the caller's language; a refine() may name its own message key. */
function fieldIssues(lang: Lang, error: FastifyError & { validation?: unknown[] }): FieldIssue[] {
  return (error.validation ?? []).map((v) => {
    const entry = v as { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> };
    const code = entry.keyword ?? 'invalid';
    const params = entry.params ?? {};
    const field = (entry.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const custom = entry.message && hasMessage(entry.message) ? entry.message : null;
    const missing = code === 'invalid_type' && /received undefined/.test(entry.message ?? '');
    const key =
      custom ?? (missing ? 'field.required' : hasMessage(`field.${code}`) ? `field.${code}` : 'field.invalid');
    const keys = Array.isArray(params.keys) ? params.keys.join('، ') : '';
    return { field, issue: custom ?? code, message: translate(lang, key, { ...params, keys }) };
  });
}

function classify(error: FastifyError): { code: ErrorCode; status: number; details?: unknown } | null {
  if (error instanceof AppError) return { code: error.code, status: error.status, details: error.details };
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'request.malformed_json', status: 400 };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'request.too_large', status: 413 };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'request.unsupported_media_type', status: 415 };
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return { code: 'request.malformed_json', status: 400 };
  if (error.statusCode === 429) return { code: 'request.rate_limited', status: 429 };
  if (error.statusCode === 413) return { code: 'request.too_large', status: 413 };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'request.validation', status: error.statusCode };
  }
  const cause = (error as { code?: string }).code;
  if (cause === 'ECONNREFUSED' || cause === '57P01' || cause === 'ETIMEDOUT') {
    return { code: 'database.unavailable', status: statusOf('database.unavailable') };
  }
  return null;
}

/** The one place where errors become HTTP: a stable code, a translated message, never a stack or SQL. */
export function registerErrorHandler(app: App, opts: { spaIndex?: (url: string) => string | null } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = fieldIssues(lang, error);
      return reply
        .status(400)
        .send({ code: 'request.validation', message: translate(lang, 'request.validation'), details });
    }
    const known = classify(error);
    if (!known) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({ code: 'internal', message: translate(lang, 'internal') });
    }
    if (known.status >= 500) request.log.error({ err: error }, known.code);
    // A code's message may name what went wrong from its details (e.g. the unknown template variable).
    const vars =
      known.details && typeof known.details === 'object' && !Array.isArray(known.details)
        ? (known.details as Record<string, unknown>)
        : {};
    const body: Record<string, unknown> = { code: known.code, message: translate(lang, known.code, vars) };
    if (known.details !== undefined) body.details = known.details;
    return reply.status(known.status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web apps: any other GET outside /api gets the app's page.
    const page = request.method === 'GET' && !request.url.startsWith('/api/') ? opts.spaIndex?.(request.url) : null;
    if (page) return reply.type('text/html').sendFile(page);
    const lang = pickLang(request.headers['accept-language']);
    return reply.status(404).send({ code: 'request.not_found', message: translate(lang, 'request.not_found') });
  });
}
