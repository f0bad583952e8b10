import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Task, TaskList } from '../../../../common/api/tasks';
import { api } from '../../../lib/api';

export type { Task } from '../../../../common/api/tasks';

const tasksKey = ['tasks'] as const;

export function useTasks() {
  return useQuery({
    queryKey: tasksKey,
    queryFn: () => api.get<TaskList>('/api/tasks'),
    select: (data) => data.items,
  });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/tasks/${encodeURIComponent(id)}/done`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}

/** Where a task's record lives in the app, when this build knows it. */
export function taskHref(task: Task): string | null {
  if (!task.entityId) return null;
  if (task.entityType === 'case') return `/cases/${task.entityId}`;
  if (task.entityType === 'application') return `/applications/${task.entityId}`;
  if (task.entityType === 'beneficiary') return `/beneficiaries/${task.entityId}`;
  return null;
}
