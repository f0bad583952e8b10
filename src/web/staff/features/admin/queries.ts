import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type {
  MessageTemplate,
  NotificationStatus,
  OutboxResponse,
  OutreachResponse,
  OutreachRule,
  OutreachRunResult,
  TemplateUpdate,
  WorkSettings,
} from './types';

const outboxKey = ['notifications'] as const;
const templatesKey = ['message-templates'] as const;
const outreachKey = ['outreach'] as const;

/** The newest messages in the outbox, optionally of one status. */
export function useOutbox(status: NotificationStatus | null, limit = 100) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (status) query.set('status', status);
  return useQuery({
    queryKey: [...outboxKey, query.toString()],
    queryFn: ({ signal }) => api.get<OutboxResponse>(`/api/notifications?${query}`, { signal }),
  });
}

/** Puts a message that stopped (given up, or unknown) back in the queue. */
export function useRequeue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/notifications/${encodeURIComponent(id)}/requeue`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => api.get<{ items: MessageTemplate[] }>('/api/message-templates'),
    select: (data) => data.items,
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, channel, ...body }: TemplateUpdate & { key: string; channel: string }) =>
      api.put<void>(`/api/message-templates/${encodeURIComponent(key)}/${encodeURIComponent(channel)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useOutreach() {
  return useQuery({
    queryKey: outreachKey,
    queryFn: () => api.get<OutreachResponse>('/api/outreach/rules'),
  });
}

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: OutreachRule) =>
      api.put<void>(`/api/outreach/rules/${encodeURIComponent(key)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: outreachKey }),
  });
}

export function useRunOutreach() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OutreachRunResult>('/api/outreach/run'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: outboxKey });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      return queryClient.invalidateQueries({ queryKey: outreachKey });
    },
  });
}

/** The association settings (the same answer the intake screens read, so one cache entry). */
export function useWorkSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: () => api.get<WorkSettings>('/api/settings'),
    staleTime: 5 * 60_000,
  });
}

/** Saves some association settings; the intake screens' cached copy is refreshed too. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<WorkSettings>) => api.patch<WorkSettings>('/api/settings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['settings'] }),
  });
}
