// The action table is shared (decision 032): the server's policy enforces it, and the staff app takes its permission
// type from it, so the two lists cannot drift apart.
import type { Role } from './roles';
import { ROLES } from './roles';

/**
 * The one access policy. Every API route names an action from this table (checked at start-up), and the
 * route guard calls `authorize` before the handler runs; use cases call it again with the record itself
 * (organisation, branch). Anything not listed here is denied.
 */
const everyone = ROLES;
export const ACTION_ROLES = {
  /** The signed-in user's own session, preferences, password and second factor. */
  'session.self': everyone,
  'branches.read': everyone,
  'settings.read': everyone,
  'settings.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'manager'],
  'reports.view': ['admin', 'manager'],
  'services.read': everyone,
  'services.manage': ['admin'],
  'selection.manage': ['admin'],
  /** Adding and editing branches (their areas, address, whether they take new files). */
  'branches.manage': ['admin'],
  /** The set-up screens' read-only view (branches with their staff, criteria preview): the manager follows them. */
  'setup.read': ['admin', 'manager'],
  // The registry. Admin runs the system, not cases: no access to beneficiaries' files (least privilege).
  'beneficiaries.search': ['manager', 'officer', 'execution_officer', 'branch_rep'],
  /** Committee members read a file only while one of its applications is before the committee. */
  'beneficiaries.read': ['manager', 'officer', 'execution_officer', 'committee', 'branch_rep'],
  'beneficiaries.read_sensitive': ['manager', 'officer', 'execution_officer', 'committee'],
  'beneficiaries.write': ['officer', 'execution_officer', 'branch_rep'],
  'beneficiaries.change_status': ['officer', 'execution_officer'],
  'applications.read': ['manager', 'officer', 'execution_officer', 'committee', 'branch_rep'],
  'applications.create': ['officer', 'branch_rep'],
  /** Moving an application along; each transition then names its own right (common/domain/application.ts). */
  'applications.transition': ['officer', 'execution_officer', 'branch_rep'],
  'applications.verify': ['officer', 'branch_rep'],
  'applications.raise': ['officer'],
  'referrals.answer': ['execution_officer'],
  /** Committee members vote; the chair (a member named on the meeting) records the decision. */
  'committee.read': ['manager', 'officer', 'execution_officer', 'committee'],
  'committee.schedule': ['officer', 'committee'],
  'committee.vote': ['committee'],
  'committee.decide': ['committee'],
  'applications.appeal': ['officer'],
  'applications.complete': ['officer', 'execution_officer'],
  /**
   * The home inspection: the officer hands it to a branch representative of the file's branch (or, where a branch
   * has none, an execution officer), who alone records its result.
   */
  'inspections.assign': ['officer', 'execution_officer'],
  'inspections.record': ['branch_rep', 'execution_officer'],
  'deliveries.read': ['manager', 'officer', 'execution_officer', 'branch_rep'],
  'deliveries.assign': ['execution_officer'],
  'deliveries.manage': ['execution_officer', 'branch_rep'],
  /** A recorded outcome is corrected (with a reason) by whoever recorded it, the manager or the administrator. */
  'deliveries.correct': ['execution_officer', 'branch_rep', 'manager', 'admin'],
  'applications.correct_completion': ['officer', 'execution_officer', 'manager', 'admin'],
  // Contacts and cases: the relations staff work them; the manager reads them.
  'interactions.read': ['manager', 'officer', 'execution_officer', 'branch_rep'],
  'interactions.create': ['officer', 'execution_officer', 'branch_rep'],
  'cases.read': ['manager', 'officer', 'execution_officer', 'branch_rep'],
  'cases.create': ['officer', 'execution_officer', 'branch_rep'],
  'cases.work': ['officer', 'execution_officer', 'branch_rep'],
  'cases.answer_referral': ['execution_officer'],
  'cases.outcome': ['officer', 'execution_officer'],
  'knowledge.read': everyone,
  /** The manager keeps the policy documents (PRODUCT.md → roles); the admin may too. */
  'knowledge.manage': ['admin', 'manager'],
  'appointments.manage': ['officer', 'execution_officer', 'branch_rep'],
  'volunteers.read': ['manager', 'officer', 'execution_officer'],
  'volunteers.manage': ['officer', 'execution_officer'],
  'notifications.manage': ['admin'],
  /** A person's message preferences and opt-out, changed at the desk; by number, so not for branch-limited roles. */
  'messaging.contacts': ['admin', 'officer', 'execution_officer'],
  'surveys.manage': ['admin'],
  /** The data-protection duties (anonymisation, legal holds) sit with the executive manager. */
  'privacy.manage': ['manager'],
  'breaches.manage': ['admin', 'manager'],
  /** Who opened a file (PDPL: access to full files is logged); the data-protection duties sit with the manager. */
  'privacy.access_log': ['manager'],
  /** A consent withdrawn by the person is recorded by the staff who record consents. */
  'privacy.consent': ['manager', 'officer', 'execution_officer', 'branch_rep'],
  /** System status, backups (download included) and message-provider tests: the administrator. */
  'system.manage': ['admin'],
  /** Reports never rank named staff; a reduced view for officers (no satisfaction figures). */
  'reports.view_reduced': ['admin', 'manager', 'officer', 'execution_officer'],
  'reports.export': ['admin', 'manager'],
  'outreach.manage': ['admin'],
  'outreach.read': ['admin', 'manager'],
  /** My work and my notifications: each user's own, whatever their role. */
  'work.read': everyone,
  /** Bringing an existing registry in from a spreadsheet (issue 13). */
  'imports.manage': ['admin', 'manager'],
  /** The duplicate review queue: compare, merge (and undo), or mark "not the same person". */
  'duplicates.manage': ['manager'],
  /** Tuning the duplicate rules' weights and threshold (what the sweep and the import use). */
  'duplicates.rules': ['admin'],
  /** API tokens and webhook subscriptions of outside systems (issue 21). */
  'integrations.manage': ['admin'],
  /** A token asking about itself: no staff role; every token has it (see TOKEN_ACTIONS). */
  'integration.self': [],
  /** Field work without a signal (issue 18): the day's route on the phone and the records queued there. */
  'field.work': ['branch_rep'],
  /** The registration drafts from the field: read at the office; an officer completes them. */
  'field.drafts': ['manager', 'officer', 'branch_rep'],
  'field.complete_drafts': ['officer'],
  /** The data-quality page: counts of files with gaps or doubtful values, each with its list. */
  'quality.read': ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTION_ROLES;
export const ACTIONS = Object.keys(ACTION_ROLES) as Action[];
