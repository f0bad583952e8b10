import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { SurveyQuestion } from './types';

const questionsKey = ['survey-questions'] as const;

export function useSurveyQuestions() {
  return useQuery({
    queryKey: questionsKey,
    queryFn: () => api.get<{ items: SurveyQuestion[] }>('/api/surveys/questions'),
    select: (data) => data.items,
  });
}

/** Replaces the whole list (the order given is the order the beneficiary sees). */
export function useSaveSurveyQuestions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: SurveyQuestion[]) => api.put<void>('/api/surveys/questions', { items }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionsKey }),
  });
}
