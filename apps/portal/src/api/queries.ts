import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrollmentApi, feedbackApi, progressApi, unwrap } from './client';

/**
 * Queries and mutations shared by several pages. Keys start with the service's name, so a mutation
 * invalidates exactly what its service changed.
 */
export const keys = {
  courses: ['enrollment', 'courses'] as const,
  course: (id: string) => ['enrollment', 'courses', id] as const,
  participants: (id: string) => ['enrollment', 'courses', id, 'participants'] as const,
  myEnrollments: ['enrollment', 'me', 'enrollments'] as const,
  myAttestations: ['enrollment', 'me', 'attestations'] as const,
  myProgress: (id: string) => ['progress', 'courses', id, 'me'] as const,
  myFeedback: ['feedback', 'me', 'feedback'] as const,
  myMessages: ['feedback', 'me', 'messages'] as const,
  feedbackOptions: (id: string) => ['feedback', 'courses', id, 'options'] as const,
};

export function useCourses() {
  return useQuery({ queryKey: keys.courses, queryFn: () => unwrap(enrollmentApi.GET('/courses')) });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: keys.course(id),
    queryFn: () => unwrap(enrollmentApi.GET('/courses/{id}', { params: { path: { id } } })),
  });
}

export function useParticipants(id: string) {
  return useQuery({
    queryKey: keys.participants(id),
    queryFn: () => unwrap(enrollmentApi.GET('/courses/{id}/participants', { params: { path: { id } } })),
  });
}

export function useMyEnrollments(enabled = true) {
  return useQuery({
    queryKey: keys.myEnrollments,
    queryFn: () => unwrap(enrollmentApi.GET('/me/enrollments')),
    enabled,
  });
}

export function useMyAttestations(enabled = true) {
  return useQuery({
    queryKey: keys.myAttestations,
    queryFn: () => unwrap(enrollmentApi.GET('/me/attestations')),
    enabled,
  });
}

export function useMyProgress(id: string) {
  return useQuery({
    queryKey: keys.myProgress(id),
    queryFn: () => unwrap(progressApi.GET('/courses/{id}/progress/me', { params: { path: { id } } })),
  });
}

export function useMyFeedback() {
  return useQuery({ queryKey: keys.myFeedback, queryFn: () => unwrap(feedbackApi.GET('/me/feedback')) });
}

/** Whether anonymous feedback is possible in this course now, and the threshold it depends on. */
export function useFeedbackOptions(id: string) {
  return useQuery({
    queryKey: keys.feedbackOptions(id),
    queryFn: () => unwrap(feedbackApi.GET('/courses/{id}/feedback-options', { params: { path: { id } } })),
  });
}

export function useMyMessages() {
  return useQuery({ queryKey: keys.myMessages, queryFn: () => unwrap(feedbackApi.GET('/me/messages')) });
}

export function useSendMessage(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { toUserId: string; message: string }) =>
      unwrap(feedbackApi.POST('/courses/{id}/messages', { params: { path: { id: courseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.myMessages }),
  });
}

export type Course = NonNullable<ReturnType<typeof useCourse>['data']>;
export type Participant = NonNullable<ReturnType<typeof useParticipants>['data']>[number];
export type MyProgress = NonNullable<ReturnType<typeof useMyProgress>['data']>;
export type MyFeedbackItem = NonNullable<ReturnType<typeof useMyFeedback>['data']>[number];
export type Message = NonNullable<ReturnType<typeof useMyMessages>['data']>[number];
