import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { beneficiaries } from '../db/tables/index';
import { inOrg } from '../db/tenancy';
import { findOrganization } from '../seed/organization';
import type { App, Deps } from './context';

/**
 * The benchmark's floor: the same HTTP stack and database answering one indexed SELECT, so each scenario's
 * figures can be read as a ratio to it. Registered only with WASL_BENCH=1; it reveals only whether an ID exists.
 */
export function registerBenchFloor(app: App, deps: Deps): void {
  let orgId: string | undefined;
  app.get(
    '/api/bench/floor',
    { config: { access: 'public' }, schema: { hide: true, querystring: z.strictObject({ nid: z.string().max(10) }) } },
    async (request) => {
      orgId ??= (await findOrganization(deps.db, deps.config.orgSlug))?.id;
      const [row] = await deps.db
        .select({ id: beneficiaries.id })
        .from(beneficiaries)
        .where(inOrg(beneficiaries, orgId ?? '', eq(beneficiaries.nationalId, request.query.nid)))
        .limit(1);
      return { found: Boolean(row) };
    },
  );
}
