import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type {
  ContactSave,
  MessageContact,
  MessagingSettings,
  OutboxList,
  OutboxStatus,
  TemplateItem,
  TemplateSave,
  TemplateVersion,
} from './messaging-types';

const outboxKey = ['notifications'] as const;
const templatesKey = ['message-templates'] as const;
const rulesKey = ['messaging-settings'] as const;

/** The newest messages in the outbox, optionally of one status. */
export function useOutboxItems(status: OutboxStatus | null, limit = 100) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (status) query.set('status', status);
  return useQuery({
    queryKey: [...outboxKey, query.toString()],
    queryFn: ({ signal }) => api.get<OutboxList>(`/api/notifications?${query}`, { signal }),
  });
}

export function useTemplateItems() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => api.get<{ items: TemplateItem[] }>('/api/message-templates'),
    select: (data) => data.items,
  });
}

const templateUrl = (key: string, channel: string) =>
  `/api/message-templates/${encodeURIComponent(key)}/${encodeURIComponent(channel)}`;

export function useSaveTemplateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, channel, ...body }: TemplateSave & { key: string; channel: string }) =>
      api.put<void>(templateUrl(key, channel), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useTemplateVersions(key: string, channel: string) {
  return useQuery({
    queryKey: [...templatesKey, key, channel, 'versions'],
    queryFn: () => api.get<{ items: TemplateVersion[] }>(`${templateUrl(key, channel)}/versions`),
    select: (data) => data.items,
  });
}

export function useMessagingSettings() {
  return useQuery({ queryKey: rulesKey, queryFn: () => api.get<MessagingSettings>('/api/messaging/settings') });
}

export function useSaveMessagingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessagingSettings) => api.put<MessagingSettings>('/api/messaging/settings', body),
    onSuccess: (data) => queryClient.setQueryData(rulesKey, data),
  });
}

const contactUrl = (mobile: string) => `/api/messaging/contacts/${encodeURIComponent(mobile)}`;

export function useMessageContact(mobile: string | null) {
  return useQuery({
    queryKey: ['message-contact', mobile],
    queryFn: () => api.get<MessageContact>(contactUrl(mobile ?? '')),
    enabled: Boolean(mobile),
    retry: false,
  });
}

export function useSaveMessageContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mobile, ...body }: ContactSave & { mobile: string }) =>
      api.put<MessageContact>(contactUrl(mobile), body),
    onSuccess: (data, variables) => queryClient.setQueryData(['message-contact', variables.mobile], data),
  });
}
