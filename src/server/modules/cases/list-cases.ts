import type { z } from 'zod';
import type { inboxQuery } from '../../../common/api/cases';
import type { Deps, SessionUser } from '../../http/context';
import { listBranchOf } from '../../policy';
import { getSettings } from '../settings';
import { listCases } from './queries';
import { slaState } from './sla';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The inbox page: open cases by default (a branch representative's own branch only), each with its SLA state. */
export async function listCaseInbox(deps: Deps, user: SessionUser, q: z.infer<typeof inboxQuery>) {
  const settings = await getSettings(deps.db, user.orgId);
  const now = new Date();
  const { rows, hasMore } = await listCases(deps.db, user.orgId, {
    kind: q.kind,
    channel: q.channel,
    status: q.status,
    sla: q.sla,
    ownerUserId: q.owner === 'me' ? user.id : q.owner,
    branchId: listBranchOf(user),
    now,
    atRiskShare: settings.slaAtRiskShare,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      firstResponseAt: iso(r.firstResponseAt),
      firstResponseDueAt: r.firstResponseDueAt.toISOString(),
      resolutionDueAt: r.resolutionDueAt.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      escalatedAt: iso(r.escalatedAt),
      sla: slaState(r, now, settings.slaAtRiskShare),
    })),
    hasMore,
  };
}
