import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http/context';
import { listBranchOf } from '../../policy';
import { getSettings } from '../settings';
import {
  applicationsAt,
  casesAtRisk,
  casesOwned,
  deliveriesFor,
  fieldDraftsOpen,
  inspectionsMine,
  openMeetings,
  openTasks,
  referralsReceived,
  referralsSent,
  type Scope,
  type WorkRow,
} from './queries';
import { WORK_COUNT_CAP, type WorkKind, type workResponse } from './schema';

type Loader = (db: Db, s: Scope, atRiskShare: number) => Promise<WorkRow[]>;

/** What each kind lists; the stages are those the role acts on (common/domain/application.ts). */
const LOADERS: Record<WorkKind, Loader> = {
  referrals_received: (db, s) => referralsReceived(db, s),
  referrals_sent: (db, s) => referralsSent(db, s),
  applications_to_verify: (db, s) => applicationsAt(db, s, ['draft', 'submitted', 'verifying']),
  applications_returned: (db, s) => applicationsAt(db, s, ['returned']),
  applications_to_raise: (db, s) => applicationsAt(db, s, ['declared']),
  applications_in_committee: (db, s) => applicationsAt(db, s, ['in_committee', 'deferred']),
  committee_meetings: (db, s) => openMeetings(db, s),
  applications_completing: (db, s) => applicationsAt(db, s, ['completing']),
  inspections_mine: (db, s) => inspectionsMine(db, s),
  field_drafts: (db, s) => fieldDraftsOpen(db, s),
  deliveries_mine: (db, s) => deliveriesFor(db, { ...s, unassigned: false }),
  deliveries_unassigned: (db, s) => deliveriesFor(db, { ...s, unassigned: true }),
  cases_mine: (db, s) => casesOwned(db, s),
  cases_at_risk: (db, s, share) => casesAtRisk(db, { ...s, all: false, atRiskShare: share }),
  tasks: (db, s) => openTasks(db, s),
};

/** The kinds each role works on. A branch representative's lists are limited to their branch. */
const KINDS_BY_ROLE: Record<SessionUser['role'], WorkKind[]> = {
  admin: ['tasks'],
  manager: ['cases_at_risk', 'tasks'],
  officer: [
    'referrals_sent',
    'applications_to_verify',
    'applications_returned',
    'applications_to_raise',
    'applications_completing',
    'field_drafts',
    'cases_mine',
    'cases_at_risk',
    'tasks',
  ],
  execution_officer: [
    'referrals_received',
    'applications_completing',
    'deliveries_mine',
    'deliveries_unassigned',
    'cases_mine',
    'cases_at_risk',
    'tasks',
  ],
  committee: ['committee_meetings', 'applications_in_committee', 'tasks'],
  branch_rep: [
    'referrals_sent',
    'applications_to_verify',
    'applications_returned',
    'inspections_mine',
    'deliveries_mine',
    'cases_mine',
    'cases_at_risk',
    'tasks',
  ],
};

/** Kinds listed for information: they wait on someone else. */
const NOT_COUNTED: readonly WorkKind[] = ['referrals_sent'];

const iso = (v: Date | string | null): string | null => {
  if (v === null) return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return new Date(v).toISOString();
};

export function kindsFor(role: SessionUser['role']): WorkKind[] {
  return KINDS_BY_ROLE[role];
}

/**
 * Everything waiting on the signed-in user, by kind, the longest waiting first: counts and the first items of
 * each kind. The manager's at-risk list covers the whole organisation; everyone else's covers their own cases.
 */
export async function getMyWork(
  db: Db,
  user: SessionUser,
  options: { limit: number; kind?: WorkKind | undefined },
): Promise<z.infer<typeof workResponse>> {
  const settings = await getSettings(db, user.orgId);
  // Each list reads one row past the cap: enough to count up to the cap and say "more", never the whole queue.
  const scope: Scope = { orgId: user.orgId, userId: user.id, branchId: listBranchOf(user), limit: WORK_COUNT_CAP + 1 };
  const kinds = KINDS_BY_ROLE[user.role].filter((k) => !options.kind || k === options.kind);
  const results = [];
  // One query per kind, one after another: PGlite has a single connection, and each query stops after a page.
  for (const kind of kinds) {
    const list =
      kind === 'cases_at_risk' && user.role === 'manager'
        ? await casesAtRisk(db, { ...scope, all: true, atRiskShare: settings.slaAtRiskShare })
        : await LOADERS[kind](db, scope, settings.slaAtRiskShare);
    const capped = list.length > WORK_COUNT_CAP;
    results.push({
      kind,
      count: Math.min(list.length, WORK_COUNT_CAP),
      capped,
      // Someone's own cases at risk are already counted among their cases; the manager's list is its own work.
      countsTowardTotal: !NOT_COUNTED.includes(kind) && !(kind === 'cases_at_risk' && user.role !== 'manager'),
      items: list.slice(0, options.limit).map((r) => ({
        entityType: r.entity_type,
        id: String(r.id),
        reference: r.reference ?? '',
        title: r.title ?? '',
        status: r.status,
        since: iso(r.since)!,
        dueAt: iso(r.due_at),
        detail: r.detail === null ? null : String(r.detail),
      })),
    });
  }
  const counted = results.filter((r) => r.countsTowardTotal);
  return {
    total: counted.reduce((n, r) => n + r.count, 0),
    totalCapped: counted.some((r) => r.capped),
    kinds: results,
  };
}
