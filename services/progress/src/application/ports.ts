import type { Activity } from '../domain/activity';
import type { CompletionMark } from '../domain/completion-mark';

/** One activity list per course, written only by the course's trainers, replaced as a whole. */
export interface ActivityStore {
  activitiesOf(courseId: string): Promise<Activity[]>;
  replace(courseId: string, activities: readonly Activity[]): Promise<void>;
}

/**
 * Completion marks. Each write is one whole mark, added or removed, never an update in place:
 * concurrent writers of one mark simply end with the last one's answer (ADR 0008). Every write is
 * idempotent.
 */
export interface CompletionMarkStore {
  add(mark: CompletionMark): Promise<void>;
  remove(mark: CompletionMark): Promise<void>;
  /** The activities this participant marked done in this course. */
  doneBy(courseId: string, userId: string): Promise<Set<string>>;
  /** Every mark of a course, for the trainer's synthetic view. */
  marksOf(courseId: string): Promise<CompletionMark[]>;
  /** Every mark of one person, in every course: what he is shown of himself (GDPR article 15). */
  marksBy(userId: string): Promise<CompletionMark[]>;
  /** L1: a participant who withdraws leaves no mark behind. */
  forgetParticipant(courseId: string, userId: string): Promise<void>;
  /** Marks of activities the trainers removed from the list. */
  forgetActivities(courseId: string, activityIds: readonly string[]): Promise<void>;
  /**
   * Every mark of these courses, whoever made it: the retention schedule (ADR 0032) once their course
   * closed long enough ago. Answers how many were deleted, for a log line that names no one.
   */
  forgetCourses(courseIds: readonly string[]): Promise<number>;
  /**
   * Erasure (ADR 0033): every mark of this person, in every course. Answers how many were deleted,
   * so that a second call, or another replica's, counts 0.
   */
  forgetPerson(userId: string): Promise<number>;
}

/** Where the retention job says what it did: counts and error names only, never an id or a name. */
export interface RetentionLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const silentLog: RetentionLog = { info: () => undefined, warn: () => undefined };
