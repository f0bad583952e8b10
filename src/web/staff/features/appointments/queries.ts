import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppointmentOutcomeRequest,
  BookRequest,
  PublishSlotsRequest,
  Slot,
} from '../../../../common/api/appointments';
import { api } from '../../../lib/api';
import type { ListResponse } from '../../api-types';

// Shapes of the appointments API, from the shared contract (src/common/api/appointments.ts).
export type { BookRequest, PublishSlotsRequest, Slot } from '../../../../common/api/appointments';
export type OutcomeRequest = AppointmentOutcomeRequest & { id: string };

const slotsKey = ['appointment-slots'] as const;

/** A branch's slots from one calendar day to another (Riyadh dates), each with its booking. */
export function useSlots(params: { branchId: string | null; from: string; to: string }, enabled = true) {
  const query = new URLSearchParams({ from: params.from, to: params.to });
  if (params.branchId) query.set('branchId', params.branchId);
  return useQuery({
    queryKey: [...slotsKey, query.toString()],
    queryFn: ({ signal }) => api.get<ListResponse<Slot>>(`/api/appointment-slots?${query}`, { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function usePublishSlots() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishSlotsRequest) => api.post<{ created: number }>('/api/appointment-slots', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slotsKey }),
  });
}

export function useBookSlot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookRequest) => api.post<{ id: string }>('/api/appointments', body),
    // A slot taken meanwhile shows as booked after the refusal too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: slotsKey }),
  });
}

export function useAppointmentOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: OutcomeRequest) =>
      api.post<void>(`/api/appointments/${encodeURIComponent(id)}/outcome`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: slotsKey });
      // A held visit becomes a meeting on the beneficiary's timeline.
      void queryClient.invalidateQueries({ queryKey: ['interactions'] });
    },
  });
}

/** "HH:MM" → minutes after midnight, or null. */
export function parseTime(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h < 24 && m < 60 ? h * 60 + m : null;
}

/** Slot start times from `from` (inclusive) while a whole slot still fits before `to`, as "HH:MM". */
export function slotTimes(from: string, to: string, minutes: number): string[] {
  const start = parseTime(from);
  const end = parseTime(to);
  if (start === null || end === null || minutes < 5) return [];
  const out: string[] = [];
  for (let t = start; t + minutes <= end && out.length < 100; t += minutes) {
    out.push(`${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
  }
  return out;
}

/** A Riyadh wall-clock time on a calendar date as an instant with its offset (Riyadh is UTC+3 all year). */
export function riyadhInstant(date: string, time: string): string {
  return `${date}T${time}:00+03:00`;
}
