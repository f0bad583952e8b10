import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessEntry, Breach, FilePrivacy, LegalHold, Revision } from '../../../../common/api/privacy';
import { api } from '../../../lib/api';

// Data-protection shapes come from the shared contract (src/common/api/privacy.ts).
export type { AccessEntry, Breach, FilePrivacy, LegalHold, Revision } from '../../../../common/api/privacy';

/** Shapes of the data-protection, audit and system answers (the server's route schemas are the source). */
export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  details: unknown;
};
export type AuditFilters = { actor?: string; action?: string; entityId?: string; from?: string; to?: string };

export type Verification = { at: string; ok: boolean; problems: string[] };
export type Backup = {
  name: string;
  createdAt: string;
  kind: 'embedded' | 'postgres';
  trigger: 'manual' | 'schedule' | 'command';
  version: string;
  size: number;
  tables: number;
  rows: number;
  documents: number;
  documentBytes: number;
  verification: Verification | null;
};
export type JobStatus = {
  name: string;
  everySeconds: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOk: boolean | null;
  lastError: string | null;
  lastDurationMs: number | null;
  runs: number;
  failures: number;
};
export type SystemStatus = {
  version: string;
  node: string;
  uptimeSeconds: number;
  database: {
    kind: 'embedded' | 'postgres';
    healthy: boolean;
    latencyMs: number;
    sizeBytes: number;
    migrations: number;
  };
  outbox: { waiting: number; retrying: number; stopped: number; oldestWaitingAt: string | null };
  jobs: JobStatus[];
  disk: { totalBytes: number | null; freeBytes: number | null; documentsBytes: number; backupsBytes: number };
  backups: { intervalHours: number; keep: number; count: number; latestAt: string | null };
};
export type ProviderChannel = 'sms' | 'whatsapp' | 'email';
export type ProviderTest = {
  channel: ProviderChannel;
  provider: string;
  ok: boolean;
  providerMessageId: string | null;
  error: string | null;
};

export function useAudit(filters: AuditFilters, limit = 50) {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  return useQuery({
    queryKey: ['audit', query.toString()],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[]; nextBefore: number | null }>(`/api/audit?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBreaches(enabled: boolean) {
  return useQuery({
    queryKey: ['breaches'],
    queryFn: () => api.get<{ items: Breach[] }>('/api/breaches'),
    select: (d) => d.items,
    enabled,
  });
}

export function useRecordBreach() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      discoveredAt: string;
      description: string;
      dataKinds: string;
      affectedCount: number;
      actions: string;
    }) => api.post<{ id: string }>('/api/breaches', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['breaches'] }),
  });
}

export function useUpdateBreach() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      reportedAt?: string;
      reportedTo?: string;
      status?: 'open' | 'closed';
    }) => api.patch<void>(`/api/breaches/${encodeURIComponent(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['breaches'] }),
  });
}

export function useLegalHolds(enabled: boolean) {
  return useQuery({
    queryKey: ['legal-holds'],
    queryFn: () => api.get<{ items: LegalHold[] }>('/api/privacy/legal-holds'),
    select: (d) => d.items,
    enabled,
  });
}

export function useSystemStatus() {
  return useQuery({ queryKey: ['system-status'], queryFn: () => api.get<SystemStatus>('/api/system/status') });
}

export function useBackups() {
  return useQuery({
    queryKey: ['backups'],
    queryFn: () => api.get<{ items: Backup[] }>('/api/backups'),
    select: (d) => d.items,
  });
}

export function useTakeBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Backup>('/api/backups', {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['backups'] });
      void qc.invalidateQueries({ queryKey: ['system-status'] });
    },
  });
}

export function useVerifyBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Verification>(`/api/backups/${encodeURIComponent(name)}/verify`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['backups'] }),
  });
}

export function useTestProvider() {
  return useMutation({
    mutationFn: (body: { channel: ProviderChannel; to: string }) =>
      api.post<ProviderTest>('/api/system/providers/test', body),
  });
}

const fileKey = (id: string) => ['beneficiary-privacy', id] as const;

export function useFilePrivacy(id: string) {
  return useQuery({
    queryKey: [...fileKey(id), 'summary'],
    queryFn: () => api.get<FilePrivacy>(`/api/beneficiaries/${encodeURIComponent(id)}/privacy`),
  });
}

export function useRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...fileKey(id), 'revisions'],
    queryFn: () => api.get<{ items: Revision[] }>(`/api/beneficiaries/${encodeURIComponent(id)}/revisions`),
    select: (d) => d.items,
    enabled,
  });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...fileKey(id), 'access'],
    queryFn: () => api.get<{ items: AccessEntry[] }>(`/api/beneficiaries/${encodeURIComponent(id)}/access-log`),
    select: (d) => d.items,
    enabled,
  });
}

export function useCorrect(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { fields: Record<string, unknown>; reason: string }) =>
      api.post<{ revisionId: string; fields: string[] }>(
        `/api/beneficiaries/${encodeURIComponent(id)}/corrections`,
        body,
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: fileKey(id) });
      void qc.invalidateQueries({ queryKey: ['beneficiaries'] });
    },
  });
}

export function useWithdrawConsent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, reason }: { consentId: string; reason: string }) =>
      api.post<void>(
        `/api/beneficiaries/${encodeURIComponent(id)}/consents/${encodeURIComponent(consentId)}/withdraw`,
        { reason },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: fileKey(id) }),
  });
}
