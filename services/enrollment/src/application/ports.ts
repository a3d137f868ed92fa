import type { PendingEvent } from '@relais/contracts';
import type { RevisionLog } from '@relais/store/revisions';
import type { Course } from '../domain/course';

export interface StoredCourse {
  course: Course;
  /** Optimistic concurrency: a save succeeds only if nobody saved since this revision was read. */
  revision: number;
}

export interface CourseQuery {
  academy?: string;
  status?: Course['status'];
  trainerId?: string;
  participantId?: string;
  /** Courses he withdrew from after completion, where his credited hours stay. */
  formerParticipantId?: string;
  /** Courses targeting the district, or with a teacher of it enrolled or completed (L10). */
  district?: string;
  /** The course whose completion issued the attestation with this verification code. */
  attestationCode?: string;
  /** Courses that name him: as a trainer, a participant, or one who left after completion. */
  personId?: string;
}

/**
 * Courses are the aggregate, kept in a RevisionLog (ADR 0026): state and pending events are written
 * in one single-document write (the outbox, ADR 0002), conditional on the revision read (ADR 0004).
 */
export interface CourseRepository {
  /** The log itself: use cases change a course with `update` over it, which decides again on a race. */
  readonly revisions: RevisionLog<Course>;
  findById(id: string): Promise<StoredCourse | undefined>;
  /** Throws when the id exists already: ids are fresh uuids, so that is a bug. */
  insert(course: Course, events: readonly PendingEvent[]): Promise<void>;
  /** false when someone saved the course since `stored` was read. */
  replace(stored: StoredCourse, next: Course, events: readonly PendingEvent[]): Promise<boolean>;
  find(query: CourseQuery): Promise<Course[]>;
  /**
   * The events saved with the courses but not yet published whose data names him (his id, as a
   * participant or a trainer): until the relay publishes them they hold his name or id in the
   * outbox (ADR 0002), whether or not the course still does. Each event once.
   */
  pendingEventsNaming(userId: string): Promise<PendingEvent[]>;
  /**
   * Retention (ADR 0032), through an index: the ids of closed courses that record no closing day,
   * closed before the day was recorded. Candidates: the caller decides again on each course's
   * latest revision, since a manager may reopen one meanwhile.
   */
  closedWithoutClosingDay(): Promise<string[]>;
  /**
   * Retention, through an index: the ids of courses closed on a day before `day` (YYYY-MM-DD,
   * excluded) whose training record was not anonymised. Candidates, as above.
   */
  trainingRecordsClosedBefore(day: string): Promise<string[]>;
  /**
   * Retention: removes from the outbox the pending events that name someone and were saved before
   * `day` (YYYY-MM-DD, excluded), which only a relay failing that long leaves there; events that
   * name no one (facts) stay. Returns how many distinct events it removed.
   */
  dropPendingEventsNamingSomeoneBefore(day: string): Promise<number>;
  /**
   * Erasure (ADR 0033), through the indexes on people: the ids of the courses of which any stored
   * revision names him as trainer, participant or one who left after completion, the latest one or
   * a superseded one that a save interrupted before deleting it left behind. Candidates: the caller
   * decides on each course's latest revision, then drops what it supersedes.
   */
  coursesWithRevisionsNaming(userId: string): Promise<string[]>;
  /**
   * Deletes the revisions of this course older than its latest, which a save deletes once its own
   * record is in but a crash in between leaves (L1: a superseded state must not linger). Their
   * pending events are already in the latest record, where each save carries them. How many it
   * deleted; 0 when there were none, always in memory, which keeps the latest state only.
   */
  dropSupersededRevisions(courseId: string): Promise<number>;
  /**
   * Erasure: the pending events that would publish his id once he is forgotten. Those about him
   * (his enrollment, withdrawal, completion) are dropped: the siblings forget him anyway. A course
   * snapshot that names him among its trainers is rewritten without him where it waits, in its
   * place: it is the other trainers' and the course's update too, which the siblings still need.
   */
  forgetPendingEventsNaming(userId: string): Promise<{ dropped: number; rewritten: number }>;
}

export interface DirectoryTrainer {
  userId: string;
  name: string;
  academy?: string;
}

/** Who the trainers are: the identity provider knows, enrollment only asks. */
export interface TrainerDirectory {
  findTrainers(userIds: readonly string[]): Promise<DirectoryTrainer[]>;
  /** The trainers a training manager may assign: those of his academy. */
  trainersOf(academy: string): Promise<DirectoryTrainer[]>;
}

/**
 * Remembers in which statistical cells a teacher was already counted, under keyed one-way tokens,
 * so that facts can say "a new distinct teacher" without naming anyone (docs/design.md §7, L11).
 */
export interface ParticipationCounter {
  alreadyCounted(cellTokens: readonly string[]): Promise<Set<string>>;
  markCounted(cellTokens: readonly string[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Where enrollment's background work writes its lines: counts and error names, never a person. */
export interface EnrollmentLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const silentLog: EnrollmentLog = { info: () => undefined, warn: () => undefined };
