import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ListResponse } from '../../api-types';
import type {
  CannedAnswer,
  CreateKnowledgeRequest,
  KnowledgeDocument,
  KnowledgeSearchItem,
  PendingAcknowledgement,
  UpdateKnowledgeRequest,
  VersionFields,
} from './types';

export const knowledgeKey = ['knowledge'] as const;
const documentKey = (id: string) => [...knowledgeKey, 'document', id] as const;
const pendingKey = [...knowledgeKey, 'pending'] as const;

/** Documents in force, searched with normalised Arabic (hamza forms, taa marbuta, diacritics do not matter). */
export function useKnowledgeSearch(params: { q: string; kind?: string }, enabled = true) {
  const query = new URLSearchParams();
  if (params.q.trim()) query.set('q', params.q.trim());
  if (params.kind) query.set('kind', params.kind);
  return useQuery({
    queryKey: [...knowledgeKey, 'search', query.toString()],
    queryFn: ({ signal }) => api.get<ListResponse<KnowledgeSearchItem>>(`/api/knowledge?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function fetchKnowledgeDocument(id: string) {
  return api.get<KnowledgeDocument>(`/api/knowledge/${encodeURIComponent(id)}`);
}

export function useKnowledgeDocument(id: string) {
  return useQuery({ queryKey: documentKey(id), queryFn: () => fetchKnowledgeDocument(id) });
}

/** Canned answers and FAQs in force, for replies. */
export function useCannedAnswers(q: string, enabled = true) {
  const query = new URLSearchParams();
  if (q.trim()) query.set('q', q.trim());
  return useQuery({
    queryKey: [...knowledgeKey, 'answers', query.toString()],
    queryFn: ({ signal }) => api.get<ListResponse<CannedAnswer>>(`/api/knowledge/answers?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** New versions of the four tools that this user has not yet read and acknowledged. */
export function usePendingAcknowledgements() {
  return useQuery({
    queryKey: pendingKey,
    queryFn: () => api.get<ListResponse<PendingAcknowledgement>>('/api/knowledge/acknowledgements/pending'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      api.post<void>(`/api/knowledge/versions/${encodeURIComponent(versionId)}/acknowledge`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKey }),
  });
}

export function useCreateKnowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateKnowledgeRequest) => api.post<{ id: string; version: number }>('/api/knowledge', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKey }),
  });
}

export function useAddVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionFields) =>
      api.post<{ id: string; version: number }>(`/api/knowledge/${encodeURIComponent(id)}/versions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKey }),
  });
}

export function useUpdateKnowledge(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateKnowledgeRequest) => api.patch<void>(`/api/knowledge/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKey }),
  });
}
