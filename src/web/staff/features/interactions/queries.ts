import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ListResponse } from '../../api-types';
import type { CreateInteractionRequest, Interaction, TimelineItem } from './types';

export const interactionsKey = ['interactions'] as const;

/** One timeline of a file: contacts, application steps and decisions, deliveries and cases, newest first. */
export function useTimeline(beneficiaryId: string) {
  return useQuery({
    queryKey: [...interactionsKey, 'timeline', beneficiaryId],
    queryFn: () =>
      api.get<ListResponse<TimelineItem>>(`/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/timeline`),
    select: (data) => data.items,
  });
}

/** Contacts not yet linked to a file (callers who were not known at the time). */
export function useUnlinkedInteractions(enabled = true) {
  return useQuery({
    queryKey: [...interactionsKey, 'unlinked'],
    queryFn: () => api.get<ListResponse<Interaction>>('/api/interactions?unlinked=true'),
    select: (data) => data.items,
    enabled,
  });
}

export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInteractionRequest) => api.post<{ id: string }>('/api/interactions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interactionsKey }),
  });
}

/** Links an unidentified contact (name and mobile) to the file of the person it turned out to be. */
export function useLinkInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, beneficiaryId }: { id: string; beneficiaryId: string }) =>
      api.patch<void>(`/api/interactions/${encodeURIComponent(id)}`, { beneficiaryId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interactionsKey }),
  });
}
