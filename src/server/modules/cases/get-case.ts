import type { CaseMessage } from '../../../common/api/cases';
import type { Deps, SessionUser } from '../../http/context';
import { getSettings } from '../settings';
import { listStaffByRole } from '../users';
import { loadCaseFor } from './load-case';
import { listAttachments, listMessages } from './queries';
import { slaState } from './sla';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Roles that can own a case (and so be named as its owner). */
export const OWNER_ROLES = ['officer', 'execution_officer', 'branch_rep'] as const;

/** One case with its conversation (staff notes included), attachments, SLA state and owner's name. */
export async function getCaseDetail(deps: Deps, user: SessionUser, id: string) {
  const c = await loadCaseFor(deps, user, id, 'cases.read');
  const settings = await getSettings(deps.db, user.orgId);
  const [messages, attachments] = await Promise.all([
    listMessages(deps.db, user.orgId, c.id, true),
    listAttachments(deps.db, user.orgId, c.id),
  ]);
  const { createdBy: _createdBy, orgId: _orgId, followKeyHash: _followKeyHash, ...rest } = c;
  const owner = c.ownerUserId
    ? (await listStaffByRole(deps.db, user.orgId, [...OWNER_ROLES, 'manager'])).find((u) => u.id === c.ownerUserId)
    : undefined;
  return {
    ...rest,
    createdAt: c.createdAt.toISOString(),
    firstResponseDueAt: c.firstResponseDueAt.toISOString(),
    resolutionDueAt: c.resolutionDueAt.toISOString(),
    firstResponseAt: iso(c.firstResponseAt),
    pausedAt: iso(c.pausedAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    escalatedAt: iso(c.escalatedAt),
    outcomeAt: iso(c.outcomeAt),
    sla: slaState(c, new Date(), settings.slaAtRiskShare),
    ownerName: owner?.displayName ?? null,
    // The table's check constraint holds a message's kind to the four known ones.
    messages: messages.map((m) => ({ ...m, kind: m.kind as CaseMessage['kind'], at: m.at.toISOString() })),
    attachments: attachments.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}
