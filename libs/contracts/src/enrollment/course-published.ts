import { z } from 'zod';
import { defineEvent } from '../contract';
import { academy, courseId, day, displayName, userId } from '../primitives';

export const courseSnapshot = z.object({
  courseId,
  academy,
  title: z.string().min(1).max(200),
  status: z.enum(['open', 'closed']),
  trainers: z.array(z.object({ userId, name: displayName })),
  /** Added after v1 was stored: optional, absent when no closing day is planned. */
  closesOn: day.optional().describe('the planned closing day, YYYY-MM-DD; absent when none is planned'),
});

export const coursePublished = defineEvent({
  type: 'enrollment.course.published.v1',
  topic: 'enrollment.events.v1',
  classification: 'personal-reference',
  description: 'A course was created; siblings learn who trains it (their roster replicas).',
  schema: courseSnapshot,
  keyOf: (data) => data.courseId,
  persons: [{ at: 'trainers', idField: 'userId' }],
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    academy: 'lyon',
    title: 'Teaching reading in CP',
    status: 'open',
    trainers: [{ userId: 'a1f7c0de-0000-4000-8000-000000000001', name: 'Alice Martin' }],
    closesOn: '2027-06-30',
  },
});
