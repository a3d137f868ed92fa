import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrollmentApi, feedbackApi, progressApi, unwrap } from '../../api/client';
import { completionsById, type Completions } from './completion-rules';

/** The trainer's reads and writes; keys start with the service's name, as everywhere in the portal. */
export const trainerKeys = {
  progress: (id: string) => ['progress', 'courses', id, 'participants'] as const,
  activities: (id: string) => ['progress', 'courses', id, 'activities'] as const,
  inbox: (id: string) => ['feedback', 'courses', id, 'inbox'] as const,
  completions: (id: string) => ['enrollment', 'courses', id, 'completions'] as const,
};

export function useCourseProgress(courseId: string) {
  return useQuery({
    queryKey: trainerKeys.progress(courseId),
    queryFn: () => unwrap(progressApi.GET('/courses/{id}/progress', { params: { path: { id: courseId } } })),
  });
}

export function useActivities(courseId: string) {
  return useQuery({
    queryKey: trainerKeys.activities(courseId),
    queryFn: () =>
      unwrap(progressApi.GET('/courses/{id}/activities', { params: { path: { id: courseId } } })),
  });
}

export function useInbox(courseId: string) {
  return useQuery({
    queryKey: trainerKeys.inbox(courseId),
    queryFn: () => unwrap(feedbackApi.GET('/courses/{id}/feedback', { params: { path: { id: courseId } } })),
  });
}

export function useCompletions(courseId: string) {
  return useQuery({
    queryKey: trainerKeys.completions(courseId),
    queryFn: async () =>
      completionsById(
        await unwrap(enrollmentApi.GET('/courses/{id}/completions', { params: { path: { id: courseId } } })),
      ),
  });
}

export function useSetCompletion(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teacherId, completed }: { teacherId: string; completed: boolean }) =>
      unwrap(
        enrollmentApi.PUT('/courses/{id}/enrollments/{teacherId}/completion', {
          params: { path: { id: courseId, teacherId } },
          body: { completed },
        }),
      ),
    // The answer is the new state: the row changes at once, without reading the whole list again.
    onSuccess: (answer, { teacherId }) =>
      queryClient.setQueryData<Completions>(trainerKeys.completions(courseId), (current) => ({
        ...current,
        [teacherId]: answer.status === 'completed',
      })),
  });
}

export type ProgressRow = NonNullable<ReturnType<typeof useCourseProgress>['data']>[number];
export type Inbox = NonNullable<ReturnType<typeof useInbox>['data']>;
export type InboxItem = Inbox['items'][number];
export type FeedbackStatus = InboxItem['status'];
