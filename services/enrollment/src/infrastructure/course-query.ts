import type { PendingEvent } from '@relais/contracts';
import type { Course } from '../domain/course';
import type { CourseQuery } from '../application/ports';

/** The in-memory meaning of a CourseQuery; the mongoose adapter expresses the same as a filter. */
export function matchesCourseQuery(course: Course, query: CourseQuery): boolean {
  return (
    (query.academy === undefined || course.academy === query.academy) &&
    (query.status === undefined || course.status === query.status) &&
    (query.trainerId === undefined || course.trainers.some((t) => t.userId === query.trainerId)) &&
    (query.participantId === undefined ||
      course.participants.some((p) => p.userId === query.participantId)) &&
    (query.formerParticipantId === undefined ||
      course.formerParticipants.some((f) => f.userId === query.formerParticipantId)) &&
    (query.district === undefined ||
      course.districts.includes(query.district) ||
      course.participants.some((p) => p.district === query.district) ||
      course.formerParticipants.some((f) => f.district === query.district)) &&
    (query.attestationCode === undefined ||
      course.participants.some((p) => p.attestation?.code === query.attestationCode) ||
      course.formerParticipants.some((f) => f.attestation?.code === query.attestationCode)) &&
    (query.personId === undefined || namesPerson(course, query.personId))
  );
}

function namesPerson(course: Course, userId: string): boolean {
  return [...course.trainers, ...course.participants, ...course.formerParticipants].some(
    (person) => person.userId === userId,
  );
}

/**
 * The people a pending event names: enrollment events carry one id as `userId`, course snapshots
 * carry each trainer's id and name (libs/contracts, enrollment). Facts name no one. The mongoose
 * adapter queries the same two paths of the outbox.
 */
function idsNamedIn(event: PendingEvent): unknown[] {
  const data = event.envelope.data;
  if (typeof data !== 'object' || data === null) return [];
  const { userId, trainers } = data as { userId?: unknown; trainers?: unknown };
  const trainerIds = Array.isArray(trainers)
    ? trainers.map((trainer: unknown) =>
        typeof trainer === 'object' && trainer !== null
          ? (trainer as { userId?: unknown }).userId
          : undefined,
      )
    : [];
  return [userId, ...trainerIds].filter((id) => id !== undefined);
}

/** Whether a pending event names this person. */
export function eventNamesPerson(event: PendingEvent, userId: string): boolean {
  return idsNamedIn(event).includes(userId);
}

/** Whether a pending event names anyone: what the schedule's pendingDelivery rule limits (ADR 0032). */
export function eventNamesSomeone(event: PendingEvent): boolean {
  return idsNamedIn(event).length > 0;
}

/**
 * Whether a pending event was saved before `day` (YYYY-MM-DD, excluded). Enrollment saves its events
 * with the time of the save as `occurredAt` (a fact keeps only the day, but facts name no one).
 */
export const pendingSinceBefore = (event: PendingEvent, day: string): boolean =>
  event.envelope.occurredAt < day;

/**
 * What erasure does to one pending event (CourseRepository.forgetPendingEventsNaming): drop one
 * about him, rewrite a course snapshot without him among its trainers, keep any other. The
 * rewritten event keeps its id, so the relay acknowledges it as the same event.
 */
export function eraseFromPendingEvent(event: PendingEvent, userId: string): 'keep' | 'drop' | PendingEvent {
  if (!eventNamesPerson(event, userId)) return 'keep';
  const data = event.envelope.data as { userId?: unknown; trainers?: unknown };
  if (data.userId === userId || !Array.isArray(data.trainers)) return 'drop';
  const trainers = data.trainers.filter(
    (trainer: unknown) =>
      typeof trainer !== 'object' || trainer === null || (trainer as { userId?: unknown }).userId !== userId,
  );
  return { ...event, envelope: { ...event.envelope, data: { ...data, trainers } } };
}
