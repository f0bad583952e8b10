import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { OUTREACH_RULE_KEYS, OUTREACH_RULES, type OutreachRuleKey } from '../../../common/domain/outreach';
import { outreachRules, outreachRuns } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { ruleSettings, runOutreach } from './run-outreach';

const tags = ['outreach'];

export function registerOutreachRoutes(app: App, deps: Deps): void {
  app.get('/api/outreach/rules', { config: { access: 'outreach.read' }, schema: { tags } }, async (request) => {
    const user = actorOf(request);
    const runs = await deps.db
      .select()
      .from(outreachRuns)
      .where(inOrg(outreachRuns, user.orgId))
      .orderBy(desc(outreachRuns.startedAt))
      .limit(20);
    return {
      rules: await ruleSettings(deps.db, user.orgId),
      runs: runs.map((r) => ({
        id: r.id,
        trigger: r.trigger,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        results: r.results,
      })),
    };
  });

  app.put(
    '/api/outreach/rules/:key',
    {
      config: { access: 'outreach.manage' },
      schema: {
        tags,
        params: z.strictObject({ key: z.enum(OUTREACH_RULE_KEYS as [OutreachRuleKey, ...OutreachRuleKey[]]) }),
        body: z.strictObject({ enabled: z.boolean(), params: z.record(z.string(), z.number()) }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      const key = request.params.key;
      const parsed = OUTREACH_RULES[key].params.safeParse(request.body.params);
      if (!parsed.success)
        throw new AppError(
          'request.validation',
          parsed.error.issues.map((i) => ({ field: `params.${i.path.join('.')}`, issue: i.code, message: '' })),
        );
      await deps.db.transaction(async (tx) => {
        await tx
          .insert(outreachRules)
          .values({ orgId: user.orgId, key, enabled: request.body.enabled, params: parsed.data })
          .onConflictDoUpdate({
            target: [outreachRules.orgId, outreachRules.key],
            set: { enabled: request.body.enabled, params: parsed.data, updatedAt: new Date() },
          });
        await writeAudit(tx, user, requestMeta(request), {
          action: 'outreach.rule_updated',
          entityType: 'outreach_rule',
          entityId: key,
          details: request.body,
        });
      });
      return reply.status(204).send();
    },
  );

  app.post('/api/outreach/run', { config: { access: 'outreach.manage' }, schema: { tags } }, async (request) => {
    const user = actorOf(request);
    const result = await runOutreach(deps.db, user.orgId, riyadhDate(new Date()), 'manual');
    await writeAudit(deps.db, user, requestMeta(request), {
      action: 'outreach.run',
      entityType: 'outreach_run',
      entityId: result.runId,
    });
    return result;
  });
}
