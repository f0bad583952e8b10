import type { BadgeTone } from '../../../ui/Badge';

/** Each stage's colour; the badge always carries the stage's word too. */
export const STAGE_TONE: Record<string, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  verifying: 'info',
  referred: 'warning',
  returned: 'warning',
  declared: 'info',
  in_committee: 'info',
  accepted: 'success',
  rejected: 'danger',
  deferred: 'warning',
  completing: 'info',
  enrolled: 'success',
  withdrawn: 'neutral',
};

export const CHECKLIST_TONE: Record<string, BadgeTone> = {
  pending: 'neutral',
  provided: 'info',
  verified: 'success',
  missing: 'danger',
  not_applicable: 'neutral',
};

/** A checklist item is settled when verified or not applicable: the declaration needs every item settled. */
export function isSettled(state: string): boolean {
  return state === 'verified' || state === 'not_applicable';
}
