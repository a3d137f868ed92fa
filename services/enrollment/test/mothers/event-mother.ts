import { randomUUID } from 'node:crypto';
import {
  coursePublished,
  createEvent,
  enrollmentCreated,
  enrollmentWithdrawn,
  type PendingEvent,
} from '@relais/contracts';
import type { Course } from '../../src/domain/course';

/** A pending event as repositories store them, naming no one (as facts); its content does not matter to a store. */
export function anEvent(occurredAt: Date = new Date()): PendingEvent {
  return {
    topic: 'enrollment.events.v1',
    key: randomUUID(),
    envelope: {
      id: randomUUID(),
      type: 'enrollment.course.updated.v1',
      source: 'enrollment',
      occurredAt: occurredAt.toISOString(),
      correlationId: randomUUID(),
      data: {},
    },
  };
}

const origin = (now: Date) => ({ source: 'enrollment', correlationId: randomUUID(), now });

/**
 * Events as enrollment saves them in the outbox, naming a participant or the trainers of a course,
 * saved at `now` (the present unless a test dates them).
 */
export const PersonEventMother = {
  enrolled: (
    courseId: string,
    participant: { userId: string; name: string },
    now: Date = new Date(),
  ): PendingEvent => createEvent(enrollmentCreated, { courseId, ...participant }, origin(now)),
  withdrawn: (courseId: string, userId: string, now: Date = new Date()): PendingEvent =>
    createEvent(enrollmentWithdrawn, { courseId, userId }, origin(now)),
  published: (course: Course, now: Date = new Date()): PendingEvent =>
    createEvent(
      coursePublished,
      {
        courseId: course.id,
        academy: course.academy,
        title: course.title,
        status: course.status,
        trainers: course.trainers,
      },
      origin(now),
    ),
};
