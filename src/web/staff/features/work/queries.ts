import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** Shapes of GET /api/work and GET /api/me/notifications (server: modules/work/schema.ts). */
export type WorkKind =
  | 'referrals_received'
  | 'referrals_sent'
  | 'applications_to_verify'
  | 'applications_returned'
  | 'applications_to_raise'
  | 'applications_in_committee'
  | 'committee_meetings'
  | 'applications_completing'
  | 'inspections_mine'
  | 'field_drafts'
  | 'deliveries_mine'
  | 'deliveries_unassigned'
  | 'cases_mine'
  | 'cases_at_risk'
  | 'tasks';

export type WorkItem = {
  entityType: string;
  id: string;
  reference: string;
  title: string;
  status: string;
  since: string;
  dueAt: string | null;
  detail: string | null;
};

/** Counts stop at 99 (the server reads no further); `capped` says there are more, shown as "99+". */
export type WorkGroup = {
  kind: WorkKind;
  count: number;
  capped: boolean;
  countsTowardTotal: boolean;
  items: WorkItem[];
};
export type MyWork = { total: number; totalCapped: boolean; kinds: WorkGroup[] };

/** A count as shown: "99+" once the server stopped counting. */
export function countText(format: (n: number) => string, n: number, capped: boolean): string {
  return capped ? `${format(n)}+` : format(n);
}

export type StaffNotice = {
  id: string;
  kind: string;
  entityType: string;
  entityId: string;
  reference: string;
  detail: string | null;
  actorName: string | null;
  createdAt: string;
  readAt: string | null;
};

export const workKey = ['work'] as const;
const noticesKey = ['me', 'notifications'] as const;

/** My work, refreshed every minute while the app is open (the header count reads the same query). */
export function useMyWork() {
  return useQuery({
    queryKey: workKey,
    queryFn: ({ signal }) => api.get<MyWork>('/api/work?limit=5', { signal }),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: noticesKey,
    queryFn: ({ signal }) =>
      api.get<{ unread: number; items: StaffNotice[] }>('/api/me/notifications?limit=20', { signal }),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api.post<{ unread: number }>('/api/me/notifications/read', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
