import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HoursRequest, SignUpRequest, UpdateVolunteerRequest, Volunteer } from '../../../../common/api/volunteers';
import { api } from '../../../lib/api';
import type { ListResponse } from '../../api-types';

// Shapes of the volunteers API, from the shared contract (src/common/api/volunteers.ts).
export {
  type HoursRequest,
  type SignUpRequest,
  type UpdateVolunteerRequest,
  VOLUNTEER_STATUSES,
  type Volunteer,
} from '../../../../common/api/volunteers';

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
