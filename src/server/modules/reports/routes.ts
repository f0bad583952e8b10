import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { isoDate } from '../../../common/domain/fields';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { requestMeta } from '../../http/session';
import { authorize } from '../../policy';
import { getDashboard } from './dashboard';
import { renderEvidence } from './evidence';
import { DATASETS, streamCsv, streamXlsx } from './exports';

const tags = ['reports'];
const periodQuery = z
  .strictObject({ from: isoDate(), to: isoDate(), branchId: z.uuid().optional() })
  .refine((q) => q.from <= q.to, { message: 'field.period_order', path: ['to'] });

export function registerReportRoutes(app: App, deps: Deps): void {
  /** The KPI dashboard: the full view for managers and admins; officers get the view without satisfaction. */
  app.get(
    '/api/reports/kpis',
    { config: { access: 'reports.view_reduced' }, schema: { tags, querystring: periodQuery } },
    async (request) => getDashboard(deps, actorOf(request), request.query),
  );

  /** A staff member's own figures: for themselves, and for the manager — never a ranking. */
  app.get(
    '/api/reports/my-figures',
    {
      config: { access: 'session.self' },
      schema: {
        tags,
        querystring: z.strictObject({ from: isoDate(), to: isoDate(), userId: z.uuid().optional() }),
      },
    },
    async (request) => {
      const user = actorOf(request);
      const subject = request.query.userId ?? user.id;
      if (subject !== user.id && user.role !== 'manager') throw new AppError('auth.forbidden');
      const start = `${request.query.from}T00:00:00+03:00`;
      const end = sql`(${request.query.to}::date + 1)::timestamp at time zone 'Asia/Riyadh'`;
      const result = await deps.db.execute(sql`
        select
          (select count(*) from cases c where c.org_id = ${user.orgId} and c.owner_user_id = ${subject} and c.created_at >= ${start}::timestamptz and c.created_at < ${end}) as cases_owned,
          (select count(*) from cases c where c.org_id = ${user.orgId} and c.owner_user_id = ${subject} and c.resolved_at >= ${start}::timestamptz and c.resolved_at < ${end}) as cases_resolved,
          (select avg(r.rating) from survey_responses r join survey_invitations i on i.id = r.invitation_id where i.org_id = ${user.orgId} and i.owner_user_id = ${subject} and i.sent_at >= ${start}::timestamptz and i.sent_at < ${end}) as average_rating,
          (select count(*) from survey_responses r join survey_invitations i on i.id = r.invitation_id where i.org_id = ${user.orgId} and i.owner_user_id = ${subject} and i.sent_at >= ${start}::timestamptz and i.sent_at < ${end}) as rated`);
      const row = (result as unknown as { rows: Record<string, string | null>[] }).rows[0]!;
      return {
        userId: subject,
        casesOwned: Number(row.cases_owned),
        casesResolved: Number(row.cases_resolved),
        namedRatings: Number(row.rated),
        averageRating: row.average_rating === null ? null : Math.round(Number(row.average_rating) * 100) / 100,
      };
    },
  );

  app.get(
    '/api/reports/export/:dataset',
    {
      config: { access: 'reports.export' },
      schema: {
        tags,
        params: z.strictObject({ dataset: z.enum(Object.keys(DATASETS) as [string, ...string[]]) }),
        querystring: z.strictObject({
          format: z.enum(['xlsx', 'csv']),
          from: isoDate(),
          to: isoDate(),
          branchId: z.uuid().optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      // Lists of people are personal data: only roles that may read the files may export them.
      authorize(user, 'beneficiaries.read');
      const dataset = DATASETS[request.params.dataset]!;
      const range = { from: request.query.from, to: request.query.to, branchId: request.query.branchId ?? null };
      await writeAudit(deps.db, user, requestMeta(request), {
        action: 'report.exported',
        entityType: 'export',
        entityId: request.params.dataset,
        details: { ...range, format: request.query.format },
      });
      const name = `wasl-${request.params.dataset}-${riyadhDate(new Date())}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (request.query.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(streamCsv(deps.db, user.orgId, dataset, range));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(streamXlsx(deps.db, user.orgId, dataset, range));
    },
  );

  app.get(
    '/api/reports/evidence',
    { config: { access: 'reports.view' }, schema: { tags, querystring: periodQuery } },
    async (request, reply) => {
      const user = actorOf(request);
      const html = await renderEvidence(deps.db, {
        orgId: user.orgId,
        from: request.query.from,
        to: request.query.to,
        branchId: request.query.branchId ?? null,
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
