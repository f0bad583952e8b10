import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportMapping,
  ImportStatus,
  PreviewImportBody,
  RowReport,
} from '../../../../common/domain/registry-import';
import { api, upload } from '../../../lib/api';

export type UploadResult = ImportStatus & {
  sample: string[][];
  savedMapping: { id: string; name: string } | null;
};
export type PreviewResult = { import: ImportStatus; suspected: number; rows: RowReport[]; reportTruncated: boolean };

export type PairSide = {
  id: string;
  fileNumber: string;
  nationalId: string;
  fullName: string;
  mobileLocal: string;
  district: string;
  birthDate: string;
  status: string;
};
export type Pair = {
  id: string;
  score: number;
  reasons: string[];
  source: string;
  status: 'open' | 'later' | 'merged' | 'not_same';
  createdAt: string;
  a: PairSide;
  b: PairSide;
  mergeId: string | null;
};
export type PairFileDetail = {
  fields: {
    id: string;
    firstName: string;
    fatherName: string;
    grandfatherName: string;
    familyName: string;
    gender: string;
    birthDate: string;
    mobile: string;
    mobile2: string | null;
    district: string;
    housing: string;
    branchId: string;
  };
  household: { name: string; relation: string; birthDate: string }[];
  applications: { id: string; reference: string; stage: string }[];
  counts: { applications: number; documents: number; interactions: number; cases: number; deliveries: number };
};
export type PairDetail = { pair: Pair; a: PairFileDetail; b: PairFileDetail };

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ file, branchId }: { file: File; branchId: string }) =>
      upload<UploadResult>('/api/imports', { branchId }, file),
  });
}

export function usePreviewImport(id: string | null) {
  return useMutation({
    mutationFn: (body: PreviewImportBody & { mapping: ImportMapping }) =>
      api.post<PreviewResult>(`/api/imports/${id}/preview`, body),
  });
}

export function useRunImport(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { keepInvalid: boolean }) => api.post<ImportStatus>(`/api/imports/${id}/run`, body),
    onSuccess: (status) => queryClient.setQueryData(['imports', id], status),
  });
}

/** The import's status, polled every second while it runs. */
export function useImportStatus(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportStatus>(`/api/imports/${id}`),
    enabled: Boolean(id) && enabled,
    refetchInterval: (query) => (query.state.data?.status === 'done' ? false : 1000),
  });
}

const pairsKey = ['duplicates'] as const;

export function usePairs(status: Pair['status']) {
  return useQuery({
    queryKey: [...pairsKey, 'list', status],
    queryFn: () => api.get<{ items: Pair[] }>(`/api/duplicates?status=${status}`),
  });
}

export function usePair(id: string | null) {
  return useQuery({
    queryKey: [...pairsKey, 'pair', id],
    queryFn: () => api.get<PairDetail>(`/api/duplicates/${id}`),
    enabled: Boolean(id),
  });
}

export function useSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ found: number; added: number }>('/api/duplicates/sweep'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairsKey }),
  });
}

export function useDecidePair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'not_same' | 'later' | 'open' }) =>
      api.post<void>(`/api/duplicates/${id}/decision`, { decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairsKey }),
  });
}

export function useMergePair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, keep, fields }: { id: string; keep: 'a' | 'b'; fields: Record<string, 'kept' | 'merged'> }) =>
      api.post<{ mergeId: string; keptId: string; mergedId: string; moved: Record<string, number> }>(
        `/api/duplicates/${id}/merge`,
        { keep, fields },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairsKey }),
  });
}

export function useUndoMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api.post<{ keptId: string; mergedId: string }>(`/api/merges/${mergeId}/undo`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairsKey }),
  });
}
