import { z } from 'zod';
import { importStatusSchema, previewImportBody, type RowReport } from '../../../common/domain/registry-import';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { pickLang } from '../../http/i18n';
import { errorResponses, idParams } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { correctImportRow, getCorrectionRow, listCorrections } from './correct-import-row';
import { registerDuplicateRoutes } from './duplicate-routes';
import { importReportWorkbook } from './import-report';
import { presentImport } from './present';
import { loadImport, previewImport } from './preview-import';
import { getImportReport, listImports, listMappings } from './queries';
import { runImport } from './run-import';
import {
  correctBody,
  correctedResponse,
  correctionSchema,
  correctionsQuery,
  correctionsResponse,
  listResponse,
  mappingsResponse,
  previewResponse,
  rowsQuery,
  rowsResponse,
  runBody,
  uploadResponse,
} from './schema';
import { uploadImport } from './upload-import';

const tags = ['imports'];

export function registerImportRoutes(app: App, deps: Deps): void {
  registerDuplicateRoutes(app, deps);
  app.post(
    '/api/imports',
    {
      config: { access: 'imports.manage' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: uploadResponse, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      if (!request.isMultipart()) throw new AppError('import.file_required');
      const part = await request.file();
      if (!part) throw new AppError('import.file_required');
      const field = part.fields.branchId;
      const branchId = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : '';
      if (!z.uuid().safeParse(branchId).success) {
        part.file.resume();
        throw new AppError('request.validation', [{ field: 'branchId', issue: 'invalid_format' }]);
      }
      // The file is streamed to disk as it arrives (bounded by the multipart size limit, which answers 413).
      const result = await uploadImport(
        deps,
        user,
        { fileName: part.filename, source: part.file, branchId },
        requestMeta(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/imports',
    { config: { access: 'imports.manage' }, schema: { tags, response: { 200: listResponse, ...errorResponses } } },
    async (request) => {
      const user = actorOf(request);
      return { items: (await listImports(deps.db, user.orgId, 50)).map(presentImport) };
    },
  );

  app.get(
    '/api/import-mappings',
    { config: { access: 'imports.manage' }, schema: { tags, response: { 200: mappingsResponse, ...errorResponses } } },
    async (request) => ({ items: await listMappings(deps.db, actorOf(request).orgId) }),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { access: 'imports.manage' },
      schema: { tags, params: idParams, response: { 200: importStatusSchema, ...errorResponses } },
    },
    async (request) => presentImport(await loadImport(deps, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/imports/:id/preview',
    {
      config: { access: 'imports.manage' },
      schema: {
        tags,
        params: idParams,
        body: previewImportBody,
        response: { 200: previewResponse, ...errorResponses },
      },
    },
    async (request) =>
      previewImport(
        deps,
        actorOf(request),
        request.params.id,
        request.body,
        pickLang(request.headers['accept-language']),
        requestMeta(request),
      ),
  );

  app.post(
    '/api/imports/:id/run',
    {
      config: { access: 'imports.manage' },
      schema: { tags, params: idParams, body: runBody, response: { 202: importStatusSchema, ...errorResponses } },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await runImport(
            deps,
            actorOf(request),
            request.params.id,
            pickLang(request.headers['accept-language']),
            requestMeta(request),
            request.body ?? {},
          ),
        ),
  );

  // Invalid rows kept for correction ("needs correction" on the data-quality page).
  app.get(
    '/api/import-corrections',
    {
      config: { access: 'imports.manage' },
      schema: { tags, querystring: correctionsQuery, response: { 200: correctionsResponse, ...errorResponses } },
    },
    async (request) =>
      listCorrections(deps, actorOf(request), request.query.page, pickLang(request.headers['accept-language'])),
  );

  app.get(
    '/api/import-corrections/:id',
    {
      config: { access: 'imports.manage' },
      schema: { tags, params: idParams, response: { 200: correctionSchema, ...errorResponses } },
    },
    async (request) =>
      getCorrectionRow(deps, actorOf(request), request.params.id, pickLang(request.headers['accept-language'])),
  );

  app.post(
    '/api/import-corrections/:id',
    {
      config: { access: 'imports.manage' },
      schema: {
        tags,
        params: idParams,
        body: correctBody,
        response: { 201: correctedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await correctImportRow(
            deps,
            actorOf(request),
            request.params.id,
            request.body.values,
            pickLang(request.headers['accept-language']),
            requestMeta(request),
          ),
        ),
  );

  app.get(
    '/api/imports/:id/rows',
    {
      config: { access: 'imports.manage' },
      schema: { tags, params: idParams, querystring: rowsQuery, response: { 200: rowsResponse, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      await loadImport(deps, user, request.params.id);
      const all = ((await getImportReport(deps.db, user.orgId, request.params.id)) ?? []) as RowReport[];
      const rows = request.query.status ? all.filter((r) => r.status === request.query.status) : all;
      return { rows: rows.slice(0, request.query.limit), total: rows.length };
    },
  );

  app.get(
    '/api/imports/:id/report',
    { config: { access: 'imports.manage' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      const { bytes, name } = await importReportWorkbook(
        deps,
        actorOf(request),
        request.params.id,
        pickLang(request.headers['accept-language']),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(bytes);
    },
  );
}
