import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type {
  AppealRequest,
  AppointmentRequest,
  CompletionStep,
  DecisionRequest,
  DecisionResponse,
  InspectionResultRequest,
  InspectionView,
  ListResponse,
  MeetingDetail,
  MeetingSummary,
  OverdueApplication,
  ScheduleMeetingRequest,
  StaffRef,
  Vote,
} from '../../api-types';
import { applicationsKey } from '../applications/queries';

export const committeeKey = ['committee'] as const;
const meetingKey = (id: string) => [...committeeKey, 'meeting', id] as const;
const completionKey = (applicationId: string) => [...applicationsKey, 'completion', applicationId] as const;

const path = (id: string) => `/api/committee/meetings/${encodeURIComponent(id)}`;
const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

/** The printable pages the server renders (A4, the association's header): opened in a new tab. */
export const minutesUrl = (meetingId: string) => `${path(meetingId)}/minutes`;
export const letterUrl = (applicationId: string) => `${applicationPath(applicationId)}/letter`;

export function useMeetings() {
  return useQuery({
    queryKey: [...committeeKey, 'meetings'],
    queryFn: () => api.get<ListResponse<MeetingSummary>>('/api/committee/meetings'),
    select: (data) => data.items,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: () => api.get<MeetingDetail>(path(id)),
  });
}

/** Staff with the committee role: the people a meeting may be called with. */
export function useCommitteeMembers(enabled = true) {
  return useQuery({
    queryKey: [...committeeKey, 'members'],
    queryFn: () => api.get<ListResponse<StaffRef>>('/api/committee/members'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Applications still waiting for a decision after the date the applicant was told. */
export function useOverdue() {
  return useQuery({
    queryKey: [...committeeKey, 'overdue'],
    queryFn: () => api.get<ListResponse<OverdueApplication>>('/api/committee/overdue'),
    select: (data) => data.items,
  });
}

export function useScheduleMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleMeetingRequest) =>
      api.post<{ id: string; reference: string; agendaSize: number }>('/api/committee/meetings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: committeeKey }),
  });
}

/**
 * Every change at a meeting refreshes the meeting (quorum, votes, decisions) and the application lists. The refresh
 * is not awaited: the caller's own success handler runs first, before the refreshed meeting can unmount the form
 * that made the change (a decided item loses its decision dialog).
 */
function useMeetingMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: committeeKey });
      void queryClient.invalidateQueries({ queryKey: applicationsKey });
    },
  });
}

export function useRefreshAgenda(meetingId: string) {
  return useMeetingMutation<void, { added: number }>(() =>
    api.post<{ added: number }>(`${path(meetingId)}/agenda/refresh`),
  );
}

export function useRecordAttendance(meetingId: string) {
  return useMeetingMutation((present: string[]) => api.put<void>(`${path(meetingId)}/attendance`, { present }));
}

export function useCastVote(meetingId: string) {
  return useMeetingMutation(({ applicationId, vote, reason }: { applicationId: string; vote: Vote; reason?: string }) =>
    api.put<void>(`${path(meetingId)}/items/${encodeURIComponent(applicationId)}/vote`, {
      vote,
      ...(reason ? { reason } : {}),
    }),
  );
}

export function useDecide(meetingId: string) {
  return useMeetingMutation(({ applicationId, ...body }: DecisionRequest & { applicationId: string }) =>
    api.post<DecisionResponse>(`${path(meetingId)}/items/${encodeURIComponent(applicationId)}/decision`, body),
  );
}

export function useCloseMeeting(meetingId: string) {
  return useMeetingMutation<void, void>(() => api.post<void>(`${path(meetingId)}/close`));
}

// --- after the decision: appeal (rejected) and completing the registration (accepted), policy step 6

export function useAppeal(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealRequest) => api.post<void>(`${applicationPath(applicationId)}/appeal`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationsKey }),
  });
}

export function useCompletion(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: completionKey(applicationId),
    queryFn: () => api.get<ListResponse<CompletionStep>>(`${applicationPath(applicationId)}/completion`),
    select: (data) => data.items,
    enabled,
  });
}

export function useMarkCompletionStep(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stepKey, done }: { stepKey: string; done: boolean }) =>
      api.put<void>(`${applicationPath(applicationId)}/completion/${encodeURIComponent(stepKey)}`, { done }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: completionKey(applicationId) }),
  });
}

export function useEnrol(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ stage: 'enrolled'; deliveryIds: string[] }>(`${applicationPath(applicationId)}/enrol`),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationsKey }),
        queryClient.invalidateQueries({ queryKey: ['deliveries'] }),
      ]);
    },
  });
}

const inspectionKey = (applicationId: string) => [...applicationsKey, 'inspection', applicationId] as const;

export function useInspection(applicationId: string) {
  return useQuery({
    queryKey: inspectionKey(applicationId),
    queryFn: () => api.get<InspectionView>(`${applicationPath(applicationId)}/inspection`),
  });
}

/** Handing the inspection to someone, or recording its result: both change the inspection and its step. */
function useInspectionChange<T>(applicationId: string, send: (body: T) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inspectionKey(applicationId) }),
        queryClient.invalidateQueries({ queryKey: completionKey(applicationId) }),
        queryClient.invalidateQueries({ queryKey: ['work'] }),
      ]),
  });
}

export function useAssignInspection(applicationId: string) {
  return useInspectionChange(applicationId, (assigneeUserId: string) =>
    api.put<void>(`${applicationPath(applicationId)}/inspection/assignee`, { assigneeUserId }),
  );
}

export function useRecordInspection(applicationId: string) {
  return useInspectionChange(applicationId, (body: InspectionResultRequest) =>
    api.post<void>(`${applicationPath(applicationId)}/inspection/result`, body),
  );
}

export function useSetAppointment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppointmentRequest) => api.put<void>(`${applicationPath(applicationId)}/appointment`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationsKey }),
  });
}
