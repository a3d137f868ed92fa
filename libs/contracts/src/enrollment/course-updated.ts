import { defineEvent } from '../contract';
import { courseSnapshot } from './course-published';

export const courseUpdated = defineEvent({
  type: 'enrollment.course.updated.v1',
  topic: 'enrollment.events.v1',
  classification: 'personal-reference',
  description:
    'A course changed (title, status, trainers or planned closing day); carries the full snapshot siblings need.',
  schema: courseSnapshot,
  keyOf: (data) => data.courseId,
  persons: [{ at: 'trainers', idField: 'userId' }],
  example: {
    courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
    academy: 'lyon',
    title: 'Teaching reading in CP',
    status: 'closed',
    trainers: [{ userId: 'a1f7c0de-0000-4000-8000-000000000001', name: 'Alice Martin' }],
  },
});
