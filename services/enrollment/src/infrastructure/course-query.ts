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
      course.formerParticipants.some((f) => f.attestation?.code === query.attestationCode))
  );
}
