import { randomUUID } from 'node:crypto';
import {
  coursePublished,
  createEvent,
  enrollmentCreated,
  enrollmentWithdrawn,
  type PendingEvent,
} from '@relais/contracts';
import type { Course } from '../../src/domain/course';

/** A pending event as repositories store them; its content does not matter to a store. */
export function anEvent(): PendingEvent {
  return {
    topic: 'enrollment.events.v1',
    key: randomUUID(),
    envelope: {
      id: randomUUID(),
      type: 'enrollment.course.updated.v1',
      source: 'enrollment',
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      data: {},
    },
  };
}

const origin = () => ({ source: 'enrollment', correlationId: randomUUID(), now: new Date() });

/** Events as enrollment saves them in the outbox, naming a participant or the trainers of a course. */
export const PersonEventMother = {
  enrolled: (courseId: string, participant: { userId: string; name: string }): PendingEvent =>
    createEvent(enrollmentCreated, { courseId, ...participant }, origin()),
  withdrawn: (courseId: string, userId: string): PendingEvent =>
    createEvent(enrollmentWithdrawn, { courseId, userId }, origin()),
  published: (course: Course): PendingEvent =>
    createEvent(
      coursePublished,
      {
        courseId: course.id,
        academy: course.academy,
        title: course.title,
        status: course.status,
        trainers: course.trainers,
      },
      origin(),
    ),
};
