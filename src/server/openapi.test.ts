import fs from 'node:fs';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTableOf } from './http/guard';
import { operationIdOf } from './http/openapi';
import { createTestContext, signedIn, type TestContext } from './test/harness';

/**
 * The OpenAPI document, linted as an integrator would lint it (Redocly's recommended rules): a route added
 * without an operationId, a summary, its security or its 4xx answers fails here (issue 21). Then a TypeScript
 * client generated from it must compile, and it talks to the running server with an API token.
 */
let ctx: TestContext;
let document: Record<string, unknown>;
type Operation = { operationId?: string; summary?: string; security?: unknown[]; responses?: Record<string, unknown> };
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([url, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ url, method, op })),
  );

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.ready();
  document = ctx.app.swagger() as unknown as Record<string, unknown>;
});
afterAll(async () => {
  await ctx?.close();
});

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended lint with no errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    // The warnings the issue named are gone too.
    const named = ['operation-operationId', 'operation-4xx-response', 'no-required-schema-properties-undefined'];
    expect(
      problems.filter((p) => named.includes(p.ruleId)).map((p) => `${p.ruleId} @ ${p.location[0]?.pointer}`),
    ).toEqual([]);
  }, 60_000);

  it('every operation has a unique verb-noun id, a summary, its security and 4xx answers with the error body', () => {
    const ops = operations();
    const documented = new Set(ops.map((o) => `${o.method.toUpperCase()} ${o.url.replace(/\{(\w+)\}/g, ':$1')}`));
    const missing = routeTableOf(ctx.app)
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual(['GET /api/openapi.json']);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { url, method, op } of ops) {
      expect(op.operationId, `${method} ${url}`).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
      expect(op.summary, `${method} ${url}`).toBeTruthy();
      expect(Array.isArray(op.security), `${method} ${url}`).toBe(true);
      const fourXX = Object.keys(op.responses ?? {}).filter((c) => c.startsWith('4'));
      expect(fourXX.length, `${method} ${url}`).toBeGreaterThan(0);
    }
    expect(operationIdOf('GET', '/api/beneficiaries')).toBe('listBeneficiaries');
    expect(operationIdOf('GET', '/api/beneficiaries/:id')).toBe('getBeneficiary');
    expect(operationIdOf('POST', '/api/integrations/tokens/:id/revoke')).toBe('revokeIntegrationToken');
    expect(operationIdOf('PATCH', '/api/cases/:id')).toBe('updateCase');
  });

  it('declares the security the guard applies: bearer where a token scope reaches, cookie + CSRF on session writes', () => {
    const find = (url: string, method: string) => operations().find((o) => o.url === url && o.method === method)!.op;
    expect(find('/api/beneficiaries', 'post').security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    expect(find('/api/users', 'get').security).toEqual([{ session: [] }]);
    expect(find('/api/integrations/token', 'get').security).toEqual([{ bearer: [] }]);
    expect(find('/api/health', 'get').security).toEqual([]);
  });

  it('a TypeScript client generated from it compiles, and calls the running server with a token', async () => {
    const dir = path.join(process.cwd(), 'node_modules', '.cache', `wasl-client-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const generated = astToString(await openapiTS(JSON.stringify(document)));
    fs.writeFileSync(path.join(dir, 'api.d.ts'), generated);
    fs.writeFileSync(
      path.join(dir, 'use.ts'),
      `import createClient from 'openapi-fetch';
import type { paths } from './api';
const client = createClient<paths>({ baseUrl: 'http://localhost', headers: { authorization: 'Bearer x' } });
export async function names(): Promise<string[]> {
  const { data, error } = await client.GET('/api/services');
  if (error) throw new Error(error.code);
  return data.items.map((s) => s.code);
}
export async function open(id: string) {
  const { data } = await client.GET('/api/beneficiaries/{id}', { params: { path: { id } } });
  return data?.fileNumber;
}
`,
    );
    const program = ts.createProgram([path.join(dir, 'use.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(diagnostics).toEqual([]);

    const admin = await signedIn(ctx.app, 'admin');
    const made = await admin.post('/api/integrations/tokens', {
      name: 'عميل مولَّد',
      scopes: { modules: { services: 'read' }, personal: false },
    });
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const client = createClient<{
      '/api/services': {
        get: { responses: { 200: { content: { 'application/json': { items: { code: string }[] } } } } };
      };
    }>({ baseUrl: address, headers: { authorization: `Bearer ${made.body.token}` } });
    const { data, response } = await client.GET('/api/services');
    expect(response.status).toBe(200);
    expect(data!.items.map((s) => s.code)).toContain('tank_delivery');
  }, 120_000);
});
