import type { Deps, SessionUser } from '../../http/context';
import { can } from '../../policy';
import {
  activeBeneficiaries,
  applicationsByStage,
  casesSummary,
  decisionTimes,
  deliveriesSummary,
  interactionsByChannel,
  type Period,
  satisfaction,
} from './kpis';

async function compute(deps: Deps, p: Period, full: boolean) {
  const [stages, decisions, casesKpi, deliveriesKpi, active, channels] = await Promise.all([
    applicationsByStage(deps.db, p),
    decisionTimes(deps.db, p),
    casesSummary(deps.db, p),
    deliveriesSummary(deps.db, p),
    activeBeneficiaries(deps.db, p),
    interactionsByChannel(deps.db, p),
  ]);
  return {
    period: { from: p.from, to: p.to, branchId: p.branchId },
    full,
    computedAt: new Date().toISOString(),
    applicationsByStage: stages,
    decisions,
    cases: casesKpi,
    deliveries: deliveriesKpi,
    activeBeneficiaries: active,
    interactionsByChannel: channels,
    satisfaction: full ? await satisfaction(deps.db, p) : null,
  };
}

type Dashboard = Awaited<ReturnType<typeof compute>>;
const MAX_ENTRIES = 500;
const computed = new Map<string, { until: number; value: Promise<Dashboard> }>();

/**
 * The KPI dashboard: the full view for managers and admins, without satisfaction for officers. A period's figures
 * take a dozen aggregates over whole tables, so they are kept for `reportsCacheMs` (a minute by default) per
 * organisation, period, branch and view, and requests arriving while they are computed share that one computation.
 * The page shows when they were computed (docs/decisions/013).
 */
export function getDashboard(
  deps: Deps,
  user: SessionUser,
  query: { from: string; to: string; branchId?: string | undefined },
): Promise<Dashboard> {
  const p: Period = { orgId: user.orgId, from: query.from, to: query.to, branchId: query.branchId ?? null };
  const full = can(user, 'reports.view');
  const ttl = deps.config.reportsCacheMs;
  if (ttl <= 0) return compute(deps, p, full);
  const key = `${p.orgId}|${p.from}|${p.to}|${p.branchId ?? ''}|${full}`;
  const now = Date.now();
  const hit = computed.get(key);
  if (hit && hit.until > now) return hit.value;
  if (computed.size >= MAX_ENTRIES) computed.clear();
  const value = compute(deps, p, full);
  computed.set(key, { until: now + ttl, value });
  value.catch(() => computed.delete(key));
  return value;
}
