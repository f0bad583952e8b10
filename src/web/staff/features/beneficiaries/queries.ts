import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from '../../../lib/api';
import type {
  BeneficiaryDocument,
  BeneficiaryFile,
  BeneficiarySearchResponse,
  CreateBeneficiaryRequest,
  OrgSettings,
  PortalDevice,
  StatusChangeRequest,
  UpdateBeneficiaryRequest,
} from '../../api-types';

export const beneficiariesKey = ['beneficiaries'] as const;
const fileKey = (id: string) => [...beneficiariesKey, 'file', id] as const;

export type SearchParams = { q: string; status?: string; page: number; pageSize?: number };

/** The one search box: national ID, mobile in any format, file number or Arabic name; the server tells which. */
export function useBeneficiarySearch(params: SearchParams, enabled = true) {
  const query = new URLSearchParams();
  if (params.q.trim()) query.set('q', params.q.trim());
  if (params.status) query.set('status', params.status);
  query.set('page', String(params.page));
  query.set('pageSize', String(params.pageSize ?? 20));
  return useQuery({
    queryKey: [...beneficiariesKey, 'search', query.toString()],
    queryFn: ({ signal }) => api.get<BeneficiarySearchResponse>(`/api/beneficiaries?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBeneficiary(id: string | null | undefined) {
  return useQuery({
    queryKey: fileKey(id ?? ''),
    queryFn: () => api.get<BeneficiaryFile>(`/api/beneficiaries/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useCreateBeneficiary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBeneficiaryRequest) =>
      api.post<{ id: string; fileNumber: string }>('/api/beneficiaries', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: beneficiariesKey }),
  });
}

export function useUpdateBeneficiary(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBeneficiaryRequest) =>
      api.patch<void>(`/api/beneficiaries/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: beneficiariesKey }),
  });
}

export function useChangeStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusChangeRequest) =>
      api.post<void>(`/api/beneficiaries/${encodeURIComponent(id)}/status`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: beneficiariesKey }),
  });
}

const devicesKey = (id: string) => [...beneficiariesKey, 'portal-devices', id] as const;

/** The phones the portal remembers for this file's numbers. */
export function usePortalDevices(id: string) {
  return useQuery({
    queryKey: devicesKey(id),
    queryFn: ({ signal }) =>
      api.get<{ items: PortalDevice[] }>(`/api/beneficiaries/${encodeURIComponent(id)}/portal-devices`, { signal }),
  });
}

/** Forgets one remembered phone (deviceId) or all of them. */
export function useRevokePortalDevices(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { deviceId?: string }) =>
      api.post<{ count: number }>(`/api/beneficiaries/${encodeURIComponent(id)}/portal-devices/revoke`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: devicesKey(id) }),
  });
}

export type UploadRequest = { kind: string; file: File; applicationId?: string };

export function useUploadDocument(beneficiaryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, applicationId }: UploadRequest) =>
      upload<Omit<BeneficiaryDocument, 'applicationId'>>(
        `/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/documents`,
        applicationId ? { kind, applicationId } : { kind },
        file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fileKey(beneficiaryId) }),
  });
}

/** The association's texts for intake: privacy notice, consent purpose, declaration; and its limits. */
export function useOrgSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: () => api.get<OrgSettings>('/api/settings'),
    staleTime: 5 * 60_000,
  });
}
