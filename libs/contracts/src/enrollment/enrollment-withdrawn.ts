import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId, userId } from '../primitives';

export const enrollmentWithdrawn = defineEvent({
  type: 'enrollment.enrollment.withdrawn.v1',
  topic: 'enrollment.events.v1',
  classification: 'personal-reference',
  description:
    'A teacher withdrew; replicas forget him for this course (L1: no trace beyond "not enrolled").',
  schema: z.object({ courseId, userId }),
  keyOf: (data) => data.courseId,
  persons: [{ at: '$', idField: 'userId', fields: ['userId'] }],
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    userId: 'a1f7c0de-0000-4000-8000-000000000101',
  },
});
