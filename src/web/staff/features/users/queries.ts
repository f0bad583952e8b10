import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateUserRequest, ListResponse, StaffUser, UpdateUserRequest, UserFilter } from '../../api-types';

const usersKey = ['users'] as const;

function usersUrl(filter: UserFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/api/users?${query}` : '/api/users';
}

export function useUsers(filter: UserFilter = {}) {
  return useQuery({
    queryKey: [...usersKey, filter],
    queryFn: () => api.get<ListResponse<StaffUser>>(usersUrl(filter)),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

/** An admin sets a temporary password; the user must change it at their next sign-in. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post<void>(`/api/users/${encodeURIComponent(id)}/password`, { newPassword }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** An admin switches off a lost two-step (authenticator and recovery codes). */
export function useResetTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<StaffUser>(`/api/users/${encodeURIComponent(id)}/totp/reset`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** An admin ends every session of someone (a lost phone): their devices are refused and told why. */
export function useRevokeSessions() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ revoked: number }>(`/api/users/${encodeURIComponent(id)}/sessions/revoke`),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api.post<StaffUser>('/api/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserRequest & { id: string }) =>
      api.patch<StaffUser>(`/api/users/${encodeURIComponent(id)}`, body),
    onSuccess: (user) => {
      // Show the change at once, then confirm with the server's list.
      queryClient.setQueriesData<ListResponse<StaffUser>>({ queryKey: usersKey }, (data) =>
        data ? { items: data.items.map((u) => (u.id === user.id ? user : u)) } : data,
      );
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}
