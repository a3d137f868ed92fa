import { randomUUID } from 'node:crypto';
import {
  courseUpdated,
  createEvent,
  enrollmentCreated,
  enrollmentWithdrawn,
  type PendingEvent,
} from '@relais/contracts';
import type { EventBus } from '@relais/bus';
import { demoNameOf, userIdOf } from '@relais/testing';

const origin = (now = new Date()) => ({ source: 'enrollment', correlationId: randomUUID(), now });

/** What enrollment publishes when a demo user enrolls (again) in an existing course. */
export const enrollmentOf = (courseId: string, username: string): PendingEvent =>
  createEvent(
    enrollmentCreated,
    { courseId, userId: userIdOf(username), name: demoNameOf(username) },
    origin(),
  );

/** Kept by the test, so that it can deliver the very same event again (at-least-once delivery). */
export const withdrawalOf = (courseId: string, username: string): PendingEvent =>
  createEvent(enrollmentWithdrawn, { courseId, userId: userIdOf(username) }, origin());

/**
 * What enrollment publishes when a training manager closes a course on `day` (YYYY-MM-DD): the roster
 * replica records that day, and the retention schedule counts from it.
 */
export const closingOf = (
  courseId: string,
  day: string,
  trainers: string[] = ['trainer.alice'],
): PendingEvent =>
  createEvent(
    courseUpdated,
    {
      courseId,
      academy: 'lyon',
      title: 'A course for tests',
      status: 'closed',
      trainers: trainers.map((username) => ({ userId: userIdOf(username), name: demoNameOf(username) })),
    },
    origin(new Date(`${day}T16:00:00Z`)),
  );

export async function deliver(bus: EventBus, event: PendingEvent): Promise<void> {
  await bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
}
