import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ListResponse } from '../../api-types';

/** Shapes of the field API's office side (server: modules/field/routes.ts). */
export type FieldPhoto = { id: string; purpose: string };
export type DraftStatus = 'open' | 'completed' | 'rejected';

/** What the representative typed on the phone for a household met in the field. */
export type DraftData = {
  firstName?: string;
  familyName?: string;
  nationalId?: string;
  mobile?: string;
  district?: string;
  peopleAtHome?: number;
  note?: string;
  consent?: boolean;
  consentAt?: string;
  location?: { lat: number; lng: number };
};

export type RegistrationDraft = {
  id: string;
  branchId: string;
  data: DraftData;
  status: DraftStatus;
  recordedAt: string;
  createdAt: string;
  createdByName: string | null;
  photos: FieldPhoto[];
  beneficiaryId: string | null;
  rejectionReason: string | null;
};

export type FieldInspection = {
  id: string;
  beneficiaryId: string | null;
  beneficiaryName: string | null;
  fileNumber: string | null;
  recordedAt: string;
  createdByName: string | null;
  data: { housingCondition?: string; peopleAtHome?: number; findings?: string; recommendation?: string };
  photos: FieldPhoto[];
};

const draftsKey = ['field', 'registration-drafts'] as const;

export function useRegistrationDrafts(status: DraftStatus) {
  return useQuery({
    queryKey: [...draftsKey, status],
    queryFn: ({ signal }) =>
      api.get<ListResponse<RegistrationDraft>>(`/api/field/registration-drafts?status=${status}`, { signal }),
    select: (data) => data.items,
  });
}

export function useRegistrationDraft(id: string | null) {
  return useQuery({
    queryKey: [...draftsKey, 'one', id],
    queryFn: ({ signal }) =>
      api.get<RegistrationDraft>(`/api/field/registration-drafts/${encodeURIComponent(id!)}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useFieldInspections() {
  return useQuery({
    queryKey: ['field', 'inspections'],
    queryFn: ({ signal }) => api.get<ListResponse<FieldInspection>>('/api/field/inspections', { signal }),
    select: (data) => data.items,
  });
}

export function useCompleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, beneficiaryId }: { id: string; beneficiaryId?: string }) =>
      api.post<void>(
        `/api/field/registration-drafts/${encodeURIComponent(id)}/complete`,
        beneficiaryId ? { beneficiaryId } : {},
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: draftsKey }),
  });
}

export function useRejectDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<void>(`/api/field/registration-drafts/${encodeURIComponent(id)}/reject`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: draftsKey }),
  });
}

export const photoUrl = (id: string) => `/api/field/photos/${encodeURIComponent(id)}`;
