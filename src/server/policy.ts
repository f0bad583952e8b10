import { ACTION_ROLES, ACTIONS, type Action } from '../common/domain/actions';
import type { TokenLevel, TokenModule } from '../common/domain/integrations';
import type { Role } from '../common/domain/roles';
import { AppError } from './errors';

// The table itself lives in common so that the web's permission type comes from it (decision 032).
export { ACTION_ROLES, ACTIONS, type Action } from '../common/domain/actions';

/**
 * Each token level opens these actions, and nothing else (deny by default): no sign-in or account routes, no
 * administration, no committee votes. Sensitive fields of a file only with the `personal` scope.
 */
export const TOKEN_ACTIONS: Record<TokenModule, Record<TokenLevel, readonly Action[]>> = {
  beneficiaries: {
    read: ['beneficiaries.search', 'beneficiaries.read'],
    write: ['beneficiaries.write', 'beneficiaries.change_status'],
  },
  applications: {
    read: ['applications.read'],
    write: ['applications.create', 'applications.transition', 'applications.verify', 'applications.complete'],
  },
  deliveries: { read: ['deliveries.read'], write: ['deliveries.assign', 'deliveries.manage'] },
  cases: {
    read: ['cases.read', 'interactions.read'],
    write: ['cases.create', 'cases.work', 'cases.outcome', 'interactions.create'],
  },
  appointments: { read: [], write: ['appointments.manage'] },
  services: { read: ['services.read', 'branches.read', 'knowledge.read'], write: [] },
  reports: { read: ['reports.view', 'reports.export'], write: [] },
  audit: { read: ['audit.read'], write: [] },
};
export const PERSONAL_ACTIONS: readonly Action[] = ['beneficiaries.read_sensitive'];

/** The actions a token's scopes open. */
export function tokenActions(scopes: {
  modules: Partial<Record<TokenModule, TokenLevel>>;
  personal: boolean;
}): Action[] {
  const actions = new Set<Action>(['integration.self']);
  for (const [module, level] of Object.entries(scopes.modules) as [TokenModule, TokenLevel][]) {
    const open = TOKEN_ACTIONS[module];
    // A file is personal data through and through (name, national ID, mobile): no file without `personal`.
    if (!open || (module === 'beneficiaries' && !scopes.personal)) continue;
    for (const a of open.read) actions.add(a);
    if (level === 'write') for (const a of open.write) actions.add(a);
  }
  if (scopes.personal) for (const a of PERSONAL_ACTIONS) actions.add(a);
  return [...actions];
}

/**
 * `scopes` is set for an API token: then it alone decides (the role only carries the branch limit: a token
 * limited to a branch acts as a branch representative of it, otherwise as an officer).
 */
export type Actor = { id: string; orgId: string; branchId: string | null; role: Role; scopes?: readonly Action[] };
/** What a record tells the policy about itself. */
export type Resource = { orgId: string; branchId?: string | null };

export function rolesFor(action: Action): readonly Role[] {
  return ACTION_ROLES[action];
}

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  const allowed = actor.scopes
    ? actor.scopes.includes(action)
    : (ACTION_ROLES[action] as readonly Role[]).includes(actor.role);
  if (!allowed) return false;
  if (!resource) return true;
  if (resource.orgId !== actor.orgId) return false;
  // A branch representative works only with their own branch's records.
  if (actor.role === 'branch_rep' && resource.branchId !== undefined && resource.branchId !== actor.branchId) {
    return false;
  }
  return true;
}

/** An id no branch has: what a branch representative without a branch is limited to (nothing). */
const NO_BRANCH = '00000000-0000-0000-0000-000000000000';

/**
 * The branch a list must be limited to for this user: a branch representative's own (one with no branch sees
 * nothing), or null for the roles that see every branch of their organisation.
 */
export function listBranchOf(actor: Actor): string | null {
  if (actor.role !== 'branch_rep') return null;
  return actor.branchId ?? NO_BRANCH;
}

/** Throws unless allowed. Another organisation's record is reported as not found, never as forbidden. */
export function authorize(actor: Actor, action: Action, resource?: Resource): void {
  if (resource && resource.orgId !== actor.orgId) throw new AppError('request.not_found');
  if (!can(actor, action, resource)) throw new AppError('auth.forbidden', { action });
}

export function permissionsOf(role: Role): Action[] {
  return ACTIONS.filter((a) => (ACTION_ROLES[a] as readonly Role[]).includes(role));
}
