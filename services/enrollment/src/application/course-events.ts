import {
  completionRecorded,
  completionRevoked,
  coursePublished,
  courseUpdated,
  createEvent,
  enrollmentCreated,
  enrollmentWithdrawn,
  type EventOrigin,
  type PendingEvent,
} from '@relais/contracts';
import type { Course, CourseChange } from '../domain/course';

/** The least that siblings need to keep their rosters (docs/design.md §3): ids, names, schools; nothing else. */
export function eventsFor(
  course: Course,
  changes: readonly CourseChange[],
  origin: EventOrigin,
): PendingEvent[] {
  const snapshot = () => ({
    courseId: course.id,
    academy: course.academy,
    title: course.title,
    status: course.status,
    trainers: course.trainers,
    ...(course.closesOn ? { closesOn: course.closesOn } : {}),
  });
  return changes.flatMap((change) => {
    switch (change.kind) {
      case 'course-published':
        return [createEvent(coursePublished, snapshot(), origin)];
      case 'course-updated':
        return [createEvent(courseUpdated, snapshot(), origin)];
      case 'enrolled': {
        const { userId, name, school, status } = change.participant;
        const enrolled = createEvent(
          enrollmentCreated,
          { courseId: course.id, userId, name, ...(school ? { school } : {}) },
          origin,
        );
        // Back after withdrawing once completed: rosters learn his completion as they knew it before.
        return status === 'completed'
          ? [enrolled, createEvent(completionRecorded, { courseId: course.id, userId }, origin)]
          : [enrolled];
      }
      case 'withdrawn':
        return [
          createEvent(
            enrollmentWithdrawn,
            { courseId: course.id, userId: change.participant.userId },
            origin,
          ),
        ];
      case 'completion-recorded':
        return [
          createEvent(completionRecorded, { courseId: course.id, userId: change.participant.userId }, origin),
        ];
      case 'completion-revoked':
        return [
          createEvent(completionRevoked, { courseId: course.id, userId: change.participant.userId }, origin),
        ];
    }
  });
}
