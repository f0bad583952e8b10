import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type {
  AssignDeliveryRequest,
  Delivery,
  DeliveryFilter,
  DeliveryOutcomeRequest,
  DeliveryOutcomeResponse,
  ListResponse,
  StaffRef,
} from '../../api-types';

export const deliveriesKey = ['deliveries'] as const;

/** Deliveries in route order: by date, then district, then name (what the field worker drives through). */
export function useDeliveries(filter: DeliveryFilter, enabled = true) {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'assignee', 'status', 'beneficiaryId'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  return useQuery({
    queryKey: [...deliveriesKey, 'list', query.toString()],
    queryFn: ({ signal }) => api.get<ListResponse<Delivery>>(`/api/deliveries?${query}`, { signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Who a delivery may be given to: execution officers, and branch representatives (for their own branch). */
export function useAssignees(enabled = true) {
  return useQuery({
    queryKey: [...deliveriesKey, 'assignees'],
    queryFn: () => api.get<ListResponse<StaffRef>>('/api/deliveries/assignees'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    retry: false,
    enabled,
  });
}

export function useAssignDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AssignDeliveryRequest & { id: string }) =>
      api.patch<void>(`/api/deliveries/${encodeURIComponent(id)}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey }),
  });
}

export function useRecordOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DeliveryOutcomeRequest & { id: string }) =>
      api.post<DeliveryOutcomeResponse>(`/api/deliveries/${encodeURIComponent(id)}/outcome`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey }),
  });
}

/** One of the beneficiary's deliveries, found in their list (e.g. the next one scheduled after a delivery). */
export async function findDelivery(beneficiaryId: string, id: string): Promise<Delivery | undefined> {
  const query = new URLSearchParams({ beneficiaryId, status: 'scheduled' });
  const list = await api.get<ListResponse<Delivery>>(`/api/deliveries?${query}`);
  return list.items.find((d) => d.id === id);
}
