import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateUserRequest, ListResponse, StaffUser, UpdateUserRequest } from '../../api-types';

const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: () => api.get<ListResponse<StaffUser>>('/api/users'),
    select: (data) => data.items,
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
      queryClient.setQueryData<ListResponse<StaffUser>>(usersKey, (data) =>
        data ? { items: data.items.map((u) => (u.id === user.id ? user : u)) } : data,
      );
      return queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
}
