import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HolidayRange, OrganizationSettings } from '../../../../common/domain/settings';
import { api, upload } from '../../../lib/api';

/** Shapes of the set-up APIs (server: modules/organisation, criteria, settings, services, knowledge). */
export type SetupStepKey =
  | 'organisation'
  | 'branches'
  | 'calendar'
  | 'services'
  | 'criteria'
  | 'texts'
  | 'providers'
  | 'users';
export type SetupStep = {
  key: SetupStepKey;
  done: boolean;
  facts: Record<string, number | string | boolean | null>;
  href: string;
  confirmable: boolean;
};
export type SetupChecklist = { steps: SetupStep[]; done: number; total: number; complete: boolean };

export type OrganizationDetails = { id: string; nameAr: string; nameEn: string; logoUrl: string | null };

export type BranchDetails = {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  areas: string[];
  addressAr: string;
  phone: string;
  active: boolean;
  representatives: { id: string; displayName: string; disabled: boolean }[];
  staffCount: number;
  beneficiaryCount: number;
};
export type BranchInput = Omit<BranchDetails, 'id' | 'representatives' | 'staffCount' | 'beneficiaryCount'>;

export type ServiceDocument = { key: string; labelAr: string; labelEn: string };
export type AdminService = {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  descriptionAr: string;
  descriptionEn: string;
  requiredDocuments: ServiceDocument[];
  completionSteps: ServiceDocument[];
  eligibilityNotesAr: string;
  recurringDays: number | null;
  active: boolean;
};
export type ServiceInput = Omit<AdminService, 'id'>;

export type CriteriaVersion = {
  id: string;
  version: number;
  criteria: Record<string, unknown>[];
  note: string | null;
  boardReference: string | null;
  boardDate: string | null;
  createdAt: string;
};
export type CriteriaPreview = {
  currentVersion: number;
  total: number;
  limited: boolean;
  moved: number;
  items: {
    applicationId: string;
    reference: string;
    fileNumber: string;
    district: string;
    stage: string;
    scoreBefore: number;
    scoreAfter: number;
    rankBefore: number;
    rankAfter: number;
  }[];
};

export type AckStatus = {
  versionId: string | null;
  version: number | null;
  needsAcknowledgement: boolean;
  staff: {
    userId: string;
    displayName: string;
    role: string;
    acknowledgedAt: string | null;
    remindedAt: string | null;
  }[];
  acknowledged: number;
  pending: number;
};

export type { HolidayRange, OrganizationSettings };

const setupKey = ['admin-setup'] as const;
const settingsKey = ['settings-all'] as const;
const branchesKey = ['branches-overview'] as const;
const servicesKey = ['services-admin'] as const;
const criteriaKey = ['criteria-versions'] as const;

/** After any set-up change the checklist may move on. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: (readonly string[])[]) =>
    Promise.all([...keys, setupKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSetupChecklist(enabled = true) {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<SetupChecklist>('/api/admin/setup'),
    enabled,
  });
}

export function useConfirmStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { step: 'calendar' | 'texts'; confirmed: boolean }) =>
      api.post<SetupChecklist>('/api/admin/setup/confirm', body),
    onSuccess: () => invalidate(settingsKey),
  });
}

export function useAllSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<OrganizationSettings>('/api/settings') });
}

export function usePatchSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (patch: Partial<OrganizationSettings>) => api.patch<OrganizationSettings>('/api/settings', patch),
    onSuccess: () => invalidate(settingsKey, ['settings']),
  });
}

export function useOrganizationDetails() {
  return useQuery({
    queryKey: ['organization-details'],
    queryFn: () => api.get<OrganizationDetails>('/api/organization'),
  });
}

export function useRenameOrganization() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { nameAr?: string; nameEn?: string }) =>
      api.patch<OrganizationDetails>('/api/organization', body),
    onSuccess: () => invalidate(['organization-details'], ['organization']),
  });
}

export function useUploadLogo() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => upload<{ logoUrl: string | null }>('/api/organization/logo', {}, file),
    onSuccess: () => invalidate(['organization-details'], ['organization']),
  });
}

export function useBranchesOverview() {
  return useQuery({
    queryKey: branchesKey,
    queryFn: () => api.get<{ items: BranchDetails[] }>('/api/branches/overview'),
    select: (data) => data.items,
  });
}

export function useSaveBranch() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<BranchInput> & { id?: string }) =>
      id ? api.patch<BranchDetails>(`/api/branches/${id}`, body) : api.post<BranchDetails>('/api/branches', body),
    onSuccess: () => invalidate(branchesKey, ['branches']),
  });
}

export function useAdminServices() {
  return useQuery({
    queryKey: servicesKey,
    queryFn: () => api.get<{ items: AdminService[] }>('/api/services'),
    select: (data) => data.items,
  });
}

export function useSaveService() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, code, ...body }: Partial<ServiceInput> & { id?: string }) =>
      id
        ? api.patch<AdminService>(`/api/services/${id}`, body)
        : api.post<AdminService>('/api/services', { code, ...body }),
    onSuccess: () => invalidate(servicesKey, ['services']),
  });
}

export function useCriteriaVersions() {
  return useQuery({
    queryKey: criteriaKey,
    queryFn: () => api.get<{ items: CriteriaVersion[] }>('/api/selection-criteria/versions'),
    select: (data) => data.items,
  });
}

export function usePreviewCriteria() {
  return useMutation({
    mutationFn: (criteria: Record<string, unknown>[]) =>
      api.post<CriteriaPreview>('/api/selection-criteria/preview', { criteria }),
  });
}

export function useSaveCriteria() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      criteria: Record<string, unknown>[];
      boardReference: string;
      boardDate?: string;
      note?: string;
    }) => api.post<{ id: string; version: number }>('/api/selection-criteria', body),
    onSuccess: () => invalidate(criteriaKey, ['selection-criteria']),
  });
}

export function useAckStatus(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['knowledge-acks', documentId],
    queryFn: () => api.get<AckStatus>(`/api/knowledge/${documentId}/acknowledgements`),
    enabled,
  });
}

export function useRemindAck(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<AckStatus & { reminded: number }>(`/api/knowledge/${documentId}/acknowledgements/remind`),
    onSuccess: (data) => queryClient.setQueryData(['knowledge-acks', documentId], data),
  });
}
