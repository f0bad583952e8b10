import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import type {
  ApplicationDetail,
  ApplicationListItem,
  ApplicationQueue,
  ChecklistUpdateRequest,
  CreateApplicationRequest,
  ListResponse,
  PageResponse,
  Service,
  TransitionRequest,
  TransitionResponse,
} from '../../api-types';

export const applicationsKey = ['applications'] as const;
const detailKey = (id: string) => [...applicationsKey, 'detail', id] as const;

export type ApplicationFilter = { queue?: ApplicationQueue; beneficiaryId?: string; page?: number; pageSize?: number };

export function useApplications(filter: ApplicationFilter, enabled = true) {
  const query = new URLSearchParams();
  if (filter.queue) query.set('queue', filter.queue);
  if (filter.beneficiaryId) query.set('beneficiaryId', filter.beneficiaryId);
  query.set('page', String(filter.page ?? 1));
  query.set('pageSize', String(filter.pageSize ?? 20));
  return useQuery({
    queryKey: [...applicationsKey, 'list', query.toString()],
    queryFn: ({ signal }) => api.get<PageResponse<ApplicationListItem>>(`/api/applications?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api.get<ApplicationDetail>(`/api/applications/${encodeURIComponent(id)}`),
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplicationRequest) =>
      api.post<{ id: string; reference: string; stage: string }>('/api/applications', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationsKey }),
  });
}

/** Moves an application to another stage (the server checks the machine, the role and the checklist). */
export function transition(id: string, body: TransitionRequest) {
  return api.post<TransitionResponse>(`/api/applications/${encodeURIComponent(id)}/transitions`, body);
}

export function useTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionRequest) => transition(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationsKey }),
  });
}

export function useUpdateChecklistItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemKey, ...body }: ChecklistUpdateRequest & { itemKey: string }) =>
      api.patch<void>(`/api/applications/${encodeURIComponent(id)}/checklist/${encodeURIComponent(itemKey)}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: detailKey(id) }),
  });
}

/** The association's services (all of them, or only those open for new applications). */
export function useServices(activeOnly = false) {
  return useQuery({
    queryKey: ['services', activeOnly ? 'active' : 'all'],
    queryFn: () => api.get<ListResponse<Service>>(`/api/services${activeOnly ? '?active=true' : ''}`),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/**
 * Names of document kinds: a document's kind is a checklist item key (national_id_copy…), named by the services'
 * required documents; "other" and unknown kinds get a general name.
 */
export function useDocumentKinds(): { options: { id: string; label: string }[]; label: (kind: string) => string } {
  const { t } = useTranslation();
  const localized = useLocalized();
  const services = useServices();
  const names = new Map<string, string>();
  for (const service of services.data ?? []) {
    for (const doc of service.requiredDocuments) {
      if (!names.has(doc.key)) names.set(doc.key, localized(doc.labelAr, doc.labelEn));
    }
  }
  const other = t('file.documents.other');
  return {
    options: [...[...names].map(([id, label]) => ({ id, label })), { id: 'other', label: other }],
    label: (kind) => names.get(kind) ?? other,
  };
}

/** Text the association keeps in both languages (service names, document labels): the interface's one. */
export function useLocalized(): (ar: string, en: string) => string {
  const { i18n } = useTranslation();
  return (ar, en) => (i18n.language === 'en' ? en : ar) || ar;
}

/** A service's name in the interface language. */
export function useServiceName(): (service: { nameAr: string; nameEn: string }) => string {
  const localized = useLocalized();
  return (service) => localized(service.nameAr, service.nameEn);
}
