import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId } from '../primitives';

export const feedbackStatusChanged = defineEvent({
  type: 'feedback.status.changed.v1',
  topic: 'feedback.events.v1',
  classification: 'personal-reference',
  description:
    'A trainer set the status of a feedback item (acknowledged or addressed), for the notice to its ' +
    'author. The author reopening his own item is not announced to anyone.',
  schema: z.object({ courseId, itemId: z.uuid(), status: z.enum(['acknowledged', 'addressed']) }),
  keyOf: (data) => data.courseId,
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    itemId: '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f',
    status: 'addressed',
  },
});
