import { z } from 'zod';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { organizationOfRequest } from '../../http/host-org';
import { errorResponses, idParams } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { beforeAfter } from '../audit';
import { getSettings, saveSettings } from '../settings';
import { branchesOverview, changeBranch, createBranch } from './manage-branches';
import { logoUrl, renameOrganization, replaceLogo } from './manage-organisation';
import { getLogo, getOrganizationRow } from './queries';
import {
  branchDetailsSchema,
  branchSchema,
  confirmStepBody,
  createBranchBody,
  organizationDetailsSchema,
  organizationUpdateBody,
  setupChecklistSchema,
  updateBranchBody,
} from './schema';
import { setupChecklist } from './setup-checklist';

const tags = ['organisation'];
const WATER_MARK = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="23" fill="#1d6f8a"/><path d="M24 9c-6 8-11 14-11 20a11 11 0 0 0 22 0c0-6-5-12-11-20z" fill="#fff"/><path d="M19 30a5 5 0 0 0 5 5" stroke="#1d6f8a" stroke-width="2.5" fill="none" stroke-linecap="round"/></svg>`;
const logoResponse = z.object({ logoUrl: z.string().nullable() });

export function registerOrganisationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/organization',
    {
      config: { access: 'settings.read' },
      schema: { tags, response: { 200: organizationDetailsSchema, ...errorResponses } },
    },
    async (request) => {
      const row = await getOrganizationRow(deps.db, actorOf(request).orgId);
      if (!row) throw new AppError('request.not_found');
      return { id: row.id, nameAr: row.nameAr, nameEn: row.nameEn, logoUrl: logoUrl(row.logoUpdatedAt) };
    },
  );

  app.patch(
    '/api/organization',
    {
      config: { access: 'settings.manage' },
      schema: { tags, body: organizationUpdateBody, response: { 200: organizationDetailsSchema, ...errorResponses } },
    },
    async (request) => renameOrganization(deps, actorOf(request), request.body, requestMeta(request)),
  );

  app.post(
    '/api/organization/logo',
    {
      config: { access: 'settings.manage' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: logoResponse, ...errorResponses } },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('document.multipart_required');
      const part = await request.file();
      if (!part) throw new AppError('document.empty');
      return replaceLogo(deps, actorOf(request), await part.toBuffer(), requestMeta(request));
    },
  );

  app.delete(
    '/api/organization/logo',
    { config: { access: 'settings.manage' }, schema: { tags, response: { 200: logoResponse, ...errorResponses } } },
    async (request) => replaceLogo(deps, actorOf(request), null, requestMeta(request)),
  );

  // The logo before anyone signs in (sign-in page, portal) and on printed letters and minutes.
  app.get(
    '/api/public/organization/logo',
    { config: { access: 'public' }, schema: { tags, querystring: z.object({ v: z.string().max(20).optional() }) } },
    async (request, reply) => {
      const org = await organizationOfRequest(deps, request);
      const logo = org ? await getLogo(deps.db, org.orgId) : null;
      // Before a logo is uploaded, printed letters and minutes show the product's water mark.
      if (!logo) {
        return reply
          .type('image/svg+xml')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .send(WATER_MARK);
      }
      return reply
        .type(logo.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .send(logo.bytes);
    },
  );

  app.get(
    '/api/branches/overview',
    {
      config: { access: 'setup.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(branchDetailsSchema) }), ...errorResponses } },
    },
    async (request) => ({ items: await branchesOverview(deps, actorOf(request).orgId) }),
  );

  app.post(
    '/api/branches',
    {
      config: { access: 'branches.manage' },
      schema: { tags, body: createBranchBody, response: { 201: branchSchema, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await createBranch(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    '/api/branches/:id',
    {
      config: { access: 'branches.manage' },
      schema: {
        tags,
        params: idParams,
        body: updateBranchBody,
        response: { 200: branchSchema, ...errorResponses },
      },
    },
    async (request) => changeBranch(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/api/admin/setup',
    {
      config: { access: 'settings.manage' },
      schema: { tags, response: { 200: setupChecklistSchema, ...errorResponses } },
    },
    async (request) => setupChecklist(deps, actorOf(request).orgId),
  );

  app.post(
    '/api/admin/setup/confirm',
    {
      config: { access: 'settings.manage' },
      schema: { tags, body: confirmStepBody, response: { 200: setupChecklistSchema, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const { step, confirmed } = request.body;
      await deps.db.transaction(async (tx) => {
        const settings = await getSettings(tx, user.orgId);
        const next = confirmed
          ? [...new Set([...settings.setupConfirmed, step])]
          : settings.setupConfirmed.filter((s) => s !== step);
        const diff = beforeAfter({ setupConfirmed: settings.setupConfirmed }, { setupConfirmed: next });
        await saveSettings(tx, user.orgId, { ...settings, setupConfirmed: next });
        await writeAudit(tx, user, requestMeta(request), {
          action: 'settings.updated',
          entityType: 'organization',
          entityId: user.orgId,
          details: diff,
        });
      });
      return setupChecklist(deps, user.orgId);
    },
  );
}
