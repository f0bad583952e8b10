import type { SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { TOKEN_LEVELS, TOKEN_MODULES } from '../../common/domain/integrations';
import { type Action, tokenActions } from '../policy';
import type { Access } from './context';

/**
 * The OpenAPI document is finished here, for every route at once, so no route file has to repeat it (issue 21):
 * a stable verb-noun operationId and an English summary derived from method and path, the security the guard
 * really applies (session cookie + CSRF header, and/or a bearer token when some token scope opens the action),
 * and the error body on 4xx answers a route does not list itself. `openapi.test.ts` lints the result with
 * Redocly's recommended rules.
 */

const ERROR_BODY = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
};

/** Every action some token scope can open (with every module at write and personal data). */
const BEARER_ACTIONS = new Set<Action>(
  tokenActions({ modules: Object.fromEntries(TOKEN_MODULES.map((m) => [m, TOKEN_LEVELS[1]])), personal: true }),
);

const singular = (word: string) =>
  word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : /(ss|x|ch|sh)es$/.test(word)
      ? word.slice(0, -2)
      : word.replace(/s$/, '');
const pascal = (word: string) =>
  word
    .split(/[-_.]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * `GET /api/beneficiaries` → listBeneficiaries, `GET /api/beneficiaries/:id` → getBeneficiary,
 * `POST /api/integrations/tokens/:id/revoke` → revokeIntegrationsToken, `PATCH /api/cases/:id` → updateCase.
 * A POST to `/:param/<word>` whose word is not a plural noun is that action; otherwise the verb follows the method.
 */
export function operationIdOf(method: string, url: string): string {
  const parts = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean);
  const endsWithParam = parts.at(-1)?.startsWith(':') ?? false;
  const statics = parts.filter((p) => !p.startsWith(':'));
  const params = parts.filter((p) => p.startsWith(':')).map((p) => pascal(p.slice(1)));
  let verb: string;
  let nouns = statics;
  const last = statics.at(-1) ?? 'root';
  const actionLike =
    method === 'POST' && !endsWithParam && parts.length >= 2 && parts.at(-2)!.startsWith(':') && !last.endsWith('s');
  if (actionLike) {
    verb = last.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
    nouns = statics.slice(0, -1);
  } else {
    verb = { GET: endsWithParam ? 'get' : 'list', POST: 'create', PUT: 'replace', PATCH: 'update', DELETE: 'delete' }[
      method
    ]!;
    if (method === 'GET' && !endsWithParam && !last.endsWith('s')) verb = 'get';
  }
  const words = nouns.map((n, i) => {
    const singularize = i < nouns.length - 1 || verb !== 'list';
    return pascal(singularize ? singular(n) : n);
  });
  // Two paths that differ only by parameters stay apart: the parameters join the name when several, or when the
  // noun has no plural to tell the one from the many (`/knowledge` and `/knowledge/:id`).
  const byParams = params.length > 1 || (endsWithParam && method === 'GET' && singular(last) === last);
  return `${verb}${words.join('')}${byParams ? `By${params.join('And')}` : ''}`;
}

/** "listBeneficiaries" → "List beneficiaries". */
export function summaryOf(operationId: string): string {
  const words = operationId
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
  return words[0]!.toUpperCase() + words.slice(1);
}

function securityOf(access: Access | undefined, method: string): Record<string, string[]>[] {
  if (!access || access === 'public') return [];
  const writing = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  const session: Record<string, string[]> = writing ? { session: [], csrf: [] } : { session: [] };
  if (access === 'integration.self') return [{ bearer: [] }];
  return BEARER_ACTIONS.has(access) ? [session, { bearer: [] }] : [session];
}

type Transformed = { schema: FastifySchema & Record<string, unknown>; url: string };

export const openapiTransform = (input: Parameters<typeof jsonSchemaTransform>[0]) => {
  const out = jsonSchemaTransform(input) as Transformed;
  const route = input.route as RouteOptions;
  const method = [route.method].flat()[0]!.toString();
  const schema = { ...out.schema };
  const operationId = (schema.operationId as string | undefined) ?? operationIdOf(method, input.url);
  schema.operationId = operationId;
  schema.summary ??= summaryOf(operationId);
  const access = route.config?.access as Access | undefined;
  schema.security = securityOf(access, method);
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const has4xx = Object.keys(response).some((code) => code.startsWith('4'));
  if (!has4xx) {
    response[400] = { description: 'Invalid request', ...ERROR_BODY };
    if (access !== 'public') {
      response[401] = { description: 'Not signed in, or the token is invalid', ...ERROR_BODY };
      response[403] = { description: 'Not allowed', ...ERROR_BODY };
    }
  }
  schema.response = response;
  return { ...out, schema };
};

/** JSON Schema from `z.record(z.enum(…), …)` lists the keys as required without defining them: define them. */
function defineRequired(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) defineRequired(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.required) && typeof o.additionalProperties === 'object' && o.additionalProperties) {
    const properties = { ...((o.properties as Record<string, unknown> | undefined) ?? {}) };
    for (const key of o.required as string[]) properties[key] ??= o.additionalProperties;
    o.properties = properties;
  }
  for (const value of Object.values(o)) defineRequired(value);
}

export const openapiTransformObject: SwaggerTransformObject = (input) => {
  const document = structuredClone('openapiObject' in input ? input.openapiObject : input.swaggerObject) as Record<
    string,
    unknown
  >;
  defineRequired(document.paths);
  defineRequired(document.components);
  return document;
};
