import {
  completionRecorded,
  completionRevoked,
  coursePublished,
  courseUpdated,
  enrollmentCreated,
  enrollmentWithdrawn,
  readEvent,
  topics,
} from '@relais/contracts';
import type { Subscription } from '@relais/bus';
import { withCompletion, withCourse, withoutParticipant, withParticipant } from './roster-changes';
import type { RosterStore } from './roster-store';

const dayOf = (occurredAt: string): string => occurredAt.slice(0, 10);

export interface RosterHooks {
  /** A participant withdrew: the service forgets what it holds of him in that course (L1). */
  participantLeft?(courseId: string, userId: string): Promise<void>;
}

/** The explicit list of enrollment events a roster replica consumes (docs/design.md §3). */
export function rosterSubscription(
  groupId: string,
  store: RosterStore,
  hooks: RosterHooks = {},
): Subscription {
  return {
    groupId,
    topic: topics.enrollmentEvents,
    fromBeginning: true,
    handlers: {
      [coursePublished.type]: async (envelope) => {
        const data = readEvent(coursePublished, envelope);
        await store.apply(data.courseId, envelope.id, withCourse(data, dayOf(envelope.occurredAt)));
      },
      [courseUpdated.type]: async (envelope) => {
        const data = readEvent(courseUpdated, envelope);
        await store.apply(data.courseId, envelope.id, withCourse(data, dayOf(envelope.occurredAt)));
      },
      [enrollmentCreated.type]: async (envelope) => {
        const { courseId, userId, name, school } = readEvent(enrollmentCreated, envelope);
        await store.apply(
          courseId,
          envelope.id,
          withParticipant({ userId, name, ...(school ? { school } : {}) }),
        );
      },
      [enrollmentWithdrawn.type]: async (envelope) => {
        const { courseId, userId } = readEvent(enrollmentWithdrawn, envelope);
        await store.apply(courseId, envelope.id, withoutParticipant(userId));
        // Idempotent by nature (deleting twice deletes nothing), so it runs on every delivery.
        await hooks.participantLeft?.(courseId, userId);
      },
      [completionRecorded.type]: async (envelope) => {
        const { courseId, userId } = readEvent(completionRecorded, envelope);
        await store.apply(courseId, envelope.id, withCompletion(userId, true));
      },
      [completionRevoked.type]: async (envelope) => {
        const { courseId, userId } = readEvent(completionRevoked, envelope);
        await store.apply(courseId, envelope.id, withCompletion(userId, false));
      },
    },
  };
}
