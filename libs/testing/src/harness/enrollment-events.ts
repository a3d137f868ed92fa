import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  completionRecorded,
  coursePublished,
  createEvent,
  enrollmentCreated,
  enrollmentWithdrawn,
  type PendingEvent,
} from '@relais/contracts';
import type { EventBus } from '@relais/bus';
import { demoRealmFile, userIdOf } from '../relais-client';

interface RealmUser {
  username: string;
  firstName?: string;
  lastName?: string;
  attributes?: Record<string, string[]>;
}
const users = (JSON.parse(readFileSync(demoRealmFile, 'utf8')) as { users: RealmUser[] }).users;

const nameOf = (username: string) => {
  const user = users.find((candidate) => candidate.username === username);
  return [user?.firstName, user?.lastName].filter(Boolean).join(' ') || username;
};
const schoolOf = (username: string) =>
  users.find((u) => u.username === username)?.attributes?.['school']?.[0];

const origin = () => ({ source: 'enrollment', correlationId: randomUUID(), now: new Date() });

async function publish(bus: EventBus, events: PendingEvent[]): Promise<void> {
  for (const event of events) await bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
}

/**
 * What enrollment would publish for a course and its members, for tests of services that keep a
 * roster replica: they are given the events, not the sibling service.
 */
export async function publishCourseWithMembers(
  bus: EventBus,
  course: {
    trainers: string[];
    participants?: string[];
    completed?: string[];
    academy?: string;
    title?: string;
    /** The planned closing day, YYYY-MM-DD. */
    closesOn?: string;
  },
): Promise<string> {
  const courseId = randomUUID();
  const events: PendingEvent[] = [
    createEvent(
      coursePublished,
      {
        courseId,
        academy: course.academy ?? 'lyon',
        title: course.title ?? 'A course for tests',
        status: 'open',
        trainers: course.trainers.map((username) => ({ userId: userIdOf(username), name: nameOf(username) })),
        ...(course.closesOn ? { closesOn: course.closesOn } : {}),
      },
      origin(),
    ),
    ...(course.participants ?? []).map((username) => {
      const school = schoolOf(username);
      return createEvent(
        enrollmentCreated,
        { courseId, userId: userIdOf(username), name: nameOf(username), ...(school ? { school } : {}) },
        origin(),
      );
    }),
    ...(course.completed ?? []).map((username) =>
      createEvent(completionRecorded, { courseId, userId: userIdOf(username) }, origin()),
    ),
  ];
  await publish(bus, events);
  return courseId;
}

export async function publishWithdrawal(bus: EventBus, courseId: string, username: string): Promise<void> {
  await publish(bus, [createEvent(enrollmentWithdrawn, { courseId, userId: userIdOf(username) }, origin())]);
}

export { nameOf as demoNameOf };
