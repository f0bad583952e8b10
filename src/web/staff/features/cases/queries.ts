import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkCalendar } from '../../../../common/domain/sla';
import { api, upload } from '../../../lib/api';
import type { OrgSettings } from '../../api-types';
import { useOrgSettings } from '../beneficiaries/queries';
import type {
  AssignCaseRequest,
  CaseAttachment,
  CaseDetail,
  CaseFilter,
  CaseListResponse,
  CaseMessageRequest,
  CaseOutcomeRequest,
  CaseTransitionRequest,
  CreateCaseRequest,
  WorkCalendarSettings,
} from './types';

export const casesKey = ['cases'] as const;
const detailKey = (id: string) => [...casesKey, 'detail', id] as const;
const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** The inbox: open cases by default, the most urgent deadline first. */
export function useCases(filter: CaseFilter) {
  const query = new URLSearchParams();
  for (const key of ['kind', 'channel', 'status', 'sla', 'owner'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  query.set('page', String(filter.page ?? 1));
  query.set('pageSize', String(filter.pageSize ?? 25));
  return useQuery({
    queryKey: [...casesKey, 'list', query.toString()],
    queryFn: ({ signal }) => api.get<CaseListResponse>(`/api/cases?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: () => api.get<CaseDetail>(casePath(id)) });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseRequest) => api.post<{ id: string; reference: string }>('/api/cases', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: casesKey });
      // The case records the contact on the person's timeline.
      void queryClient.invalidateQueries({ queryKey: ['interactions'] });
    },
  });
}

/** Every change to a case refreshes it and the inbox (its SLA and position may have moved). */
function useCaseMutation<T>(id: string, fn: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: detailKey(id) }),
  });
}

export function useCaseTransition(id: string) {
  return useCaseMutation(id, (body: CaseTransitionRequest) =>
    api.post<{ id: string; status: string }>(casePath(id, '/transitions'), body),
  );
}

export function useCaseMessage(id: string) {
  return useCaseMutation(id, (body: CaseMessageRequest) => api.post<void>(casePath(id, '/messages'), body));
}

export function useCaseOutcome(id: string) {
  return useCaseMutation(id, (body: CaseOutcomeRequest) => api.post<void>(casePath(id, '/outcome'), body));
}

export function useAssignCase(id: string) {
  return useCaseMutation(id, (body: AssignCaseRequest) => api.patch<void>(casePath(id), body));
}

export function useUploadCaseAttachment(id: string) {
  return useCaseMutation(id, (file: File) => upload<CaseAttachment>(casePath(id, '/attachments'), {}, file));
}

/**
 * The association's working calendar (days, hours, holidays) and SLA thresholds, from the same settings answer the
 * intake screens read; null until loaded.
 */
export function useWorkCalendar(): { calendar: WorkCalendar; settings: WorkCalendarSettings } | null {
  const settings = useOrgSettings();
  const data = settings.data as (OrgSettings & Partial<WorkCalendarSettings>) | undefined;
  if (!data?.workDays || data.workStartMinute === undefined || data.workEndMinute === undefined) return null;
  const full: WorkCalendarSettings = {
    workDays: data.workDays,
    workStartMinute: data.workStartMinute,
    workEndMinute: data.workEndMinute,
    publicHolidays: data.publicHolidays ?? [],
    slaAtRiskShare: data.slaAtRiskShare ?? 0.25,
    caseReopenDays: data.caseReopenDays ?? 14,
  };
  return {
    settings: full,
    calendar: {
      workDays: full.workDays,
      startMinute: full.workStartMinute,
      endMinute: full.workEndMinute,
      holidays: full.publicHolidays,
    },
  };
}
