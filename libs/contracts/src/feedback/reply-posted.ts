import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId } from '../primitives';

export const feedbackReplyPosted = defineEvent({
  type: 'feedback.reply.posted.v1',
  topic: 'feedback.events.v1',
  classification: 'personal-reference',
  description:
    'A trainer replied to a feedback item, for the notice to its author. No text, no trainer: the ' +
    'item id alone, which the notifications service knows from `feedback.item.posted.v1`.',
  schema: z.object({ courseId, itemId: z.uuid() }),
  keyOf: (data) => data.courseId,
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    itemId: '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f',
  },
});
