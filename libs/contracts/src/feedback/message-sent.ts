import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId, userId } from '../primitives';

export const feedbackMessageSent = defineEvent({
  type: 'feedback.message.sent.v1',
  topic: 'feedback.events.v1',
  classification: 'personal-reference',
  description:
    'A member of a course sent a 1:1 message, for the notice to its recipient. Messages are between ' +
    'named members, so the recipient is named; the sender and the text are not: the notice says that ' +
    'a message came and where to read it (ADR 0030).',
  schema: z.object({ messageId: z.uuid(), courseId, recipientId: userId }),
  keyOf: (data) => data.courseId,
  persons: [{ at: '$', idField: 'recipientId', fields: ['recipientId'] }],
  example: {
    messageId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    recipientId: 'a1f7c0de-0000-4000-8000-000000000001',
  },
});
