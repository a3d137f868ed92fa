import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrollmentApi, unwrap } from '../../api/client';
import type { CourseUpdate } from './course-rules';

/** One PATCH for every change of a course; the catalogue of everyone is read again afterwards. */
export function useUpdateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CourseUpdate }) =>
      unwrap(enrollmentApi.PATCH('/courses/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enrollment', 'courses'] }),
  });
}

/** The trainers of the manager's academy, the only ones the enrollment service lets him assign. */
export function useAssignableTrainers() {
  return useQuery({
    queryKey: ['enrollment', 'trainers'],
    queryFn: () => unwrap(enrollmentApi.GET('/trainers')),
  });
}

export type AssignableTrainer = NonNullable<ReturnType<typeof useAssignableTrainers>['data']>[number];
