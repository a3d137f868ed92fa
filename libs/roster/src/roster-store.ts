import type { CourseRoster } from './course-roster';

/**
 * The replica's storage. `apply` runs `change` on the current roster and records `eventId` in the
 * same single-document write, so a redelivered event changes nothing (idempotent consumer, docs/design.md §4).
 */
export interface RosterStore {
  get(courseId: string): Promise<CourseRoster | undefined>;
  /** false when the event was already applied. */
  apply(courseId: string, eventId: string, change: (current: CourseRoster) => CourseRoster): Promise<boolean>;
  /** Courses whose planned closing day is between these days (YYYY-MM-DD), both included. */
  closingBetween(first: string, last: string): Promise<CourseRoster[]>;
  /**
   * Replicas that knew a course closed before they recorded closing days get `day` as theirs (the
   * first retention pass that sees them): their retention counts from then rather than never.
   * Returns how many were dated.
   */
  dateUndatedClosures(day: string): Promise<number>;
  /** Courses closed before this day (YYYY-MM-DD, excluded): what the retention jobs look at. */
  closedBefore(day: string): Promise<CourseRoster[]>;
  /**
   * Erasure (docs/adr/0033): the person leaves every roster, as trainer or participant, as if he had
   * never been in it. Returns how many rosters named him; a second call finds none.
   */
  forgetPerson(userId: string): Promise<number>;
  /** Courses where this person is a trainer or a participant. */
  coursesOf(userId: string): Promise<CourseRoster[]>;
}
