import { randomUUID } from 'node:crypto';
import { createEvent, enrollmentCreated, enrollmentWithdrawn, type PendingEvent } from '@relais/contracts';
import type { EventBus } from '@relais/bus';
import { demoNameOf, userIdOf } from '@relais/testing';

const origin = () => ({ source: 'enrollment', correlationId: randomUUID(), now: new Date() });

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

export async function deliver(bus: EventBus, event: PendingEvent): Promise<void> {
  await bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
}
