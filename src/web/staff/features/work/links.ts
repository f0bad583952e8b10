import type { WorkItem, WorkKind } from './queries';

/** Where an item of My work opens. */
export function itemHref(item: Pick<WorkItem, 'entityType' | 'id' | 'dueAt'>): string | null {
  switch (item.entityType) {
    case 'application':
      return `/applications/${item.id}`;
    case 'case':
      return `/cases/${item.id}`;
    case 'meeting':
      return `/committee/meetings/${item.id}`;
    case 'delivery':
      return item.dueAt ? `/deliveries/today?date=${item.dueAt.slice(0, 10)}` : '/deliveries';
    case 'beneficiary':
      return `/beneficiaries/${item.id}`;
    case 'field_draft':
      return '/field-drafts';
    default:
      return null;
  }
}

/** The full list behind each kind, where one exists. */
export const KIND_LIST: Partial<Record<WorkKind, string>> = {
  referrals_received: '/applications?queue=my_referrals',
  applications_to_verify: '/applications?queue=to_verify',
  applications_returned: '/applications?queue=returned',
  applications_to_raise: '/applications?queue=ready_for_committee',
  applications_in_committee: '/applications?queue=in_committee',
  committee_meetings: '/committee',
  applications_completing: '/applications?queue=completing',
  field_drafts: '/field-drafts',
  deliveries_mine: '/deliveries',
  deliveries_unassigned: '/deliveries',
  cases_mine: '/cases?owner=me',
  cases_at_risk: '/cases?view=at_risk',
  tasks: '/tasks',
};
