import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enrollmentApi, unwrap } from '../../api/client';
import type { operations } from '../../api/generated/enrollment';

export type CourseUpdate = operations['updateCourse']['requestBody']['content']['application/json'];

/** One PATCH for every change of a course; the catalogue of everyone is read again afterwards. */
export function useUpdateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CourseUpdate }) =>
      unwrap(enrollmentApi.PATCH('/courses/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enrollment', 'courses'] }),
  });
}
