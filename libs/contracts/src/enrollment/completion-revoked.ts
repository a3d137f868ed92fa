import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId, userId } from '../primitives';

export const completionRevoked = defineEvent({
  type: 'enrollment.completion.revoked.v1',
  topic: 'enrollment.events.v1',
  classification: 'personal-reference',
  description: 'A trainer unticked "training completed"; the credited hours are removed.',
  schema: z.object({ courseId, userId }),
  keyOf: (data) => data.courseId,
  persons: [{ at: '$', idField: 'userId', fields: ['userId'] }],
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    userId: 'a1f7c0de-0000-4000-8000-000000000101',
  },
});
