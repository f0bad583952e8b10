import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ListResponse } from '../../api-types';

/** Shapes of the volunteers API (server: modules/volunteers/routes.ts). */
export type Volunteer = {
  id: string;
  name: string;
  /** E.164. */
  mobile: string;
  branchId: string | null;
  skills: string[];
  availability: string;
  /** applied | active | inactive */
  status: string;
  createdAt: string;
  totalHours: number;
};

export const VOLUNTEER_STATUSES = ['applied', 'active', 'inactive'] as const;

export type SignUpRequest = {
  name: string;
  mobile: string;
  branchId?: string | null;
  skills: string[];
  availability: string;
};
export type UpdateVolunteerRequest = { status?: string; skills?: string[]; availability?: string };
export type HoursRequest = { workedOn: string; hours: number; task: string };

const volunteersKey = ['volunteers'] as const;

export function useVolunteers() {
  return useQuery({
    queryKey: volunteersKey,
    queryFn: () => api.get<ListResponse<Volunteer>>('/api/volunteers'),
    select: (data) => data.items,
  });
}

export function useSignUpVolunteer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpRequest) => api.post<{ id: string }>('/api/volunteers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: volunteersKey }),
  });
}

export function useUpdateVolunteer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateVolunteerRequest & { id: string }) =>
      api.patch<void>(`/api/volunteers/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: volunteersKey }),
  });
}

export function useLogHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: HoursRequest & { id: string }) =>
      api.post<void>(`/api/volunteers/${encodeURIComponent(id)}/hours`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: volunteersKey }),
  });
}

/** Skills typed as one line, separated by commas (Arabic or Latin) — trimmed, without blanks or repeats. */
export function parseSkills(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}
