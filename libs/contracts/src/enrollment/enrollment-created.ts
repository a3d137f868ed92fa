import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId, displayName, schoolCode, userId } from '../primitives';

export const enrollmentCreated = defineEvent({
  type: 'enrollment.enrollment.created.v1',
  topic: 'enrollment.events.v1',
  classification: 'personal-reference',
  description: 'A teacher enrolled himself in a course (voluntary, L1).',
  schema: z.object({ courseId, userId, name: displayName, school: schoolCode.optional() }),
  keyOf: (data) => data.courseId,
  persons: [{ at: '$', idField: 'userId', fields: ['userId', 'name', 'school'] }],
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    userId: 'a1f7c0de-0000-4000-8000-000000000101',
    name: 'Camille Durand',
    school: '0690001A',
  },
});
