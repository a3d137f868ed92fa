import { z } from 'zod';
import { defineEvent } from '../contract';
import { courseId } from '../primitives';
import { sealedRecipient } from '../sealed-recipient';

export const feedbackItemPosted = defineEvent({
  type: 'feedback.item.posted.v1',
  topic: 'feedback.events.v1',
  classification: 'personal-reference',
  description:
    'A teacher posted a feedback item in a course, for the notifications of its trainers and, later, of ' +
    'its author. No text, category, intensity or author name; the author only sealed for the ' +
    'notifications service (`sealedAuthor`, which nothing else can open, ADR 0030), so that a reply can ' +
    'reach him. `anonymous` items are announced to trainers in a daily count only.',
  schema: z.object({
    courseId,
    itemId: z.uuid(),
    anonymous: z.boolean(),
    sealedAuthor: sealedRecipient.optional(),
  }),
  keyOf: (data) => data.courseId,
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    itemId: '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f',
    anonymous: true,
    sealedAuthor: 'A'.repeat(342),
  },
});
