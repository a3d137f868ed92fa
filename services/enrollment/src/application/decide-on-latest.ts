import { RevisionConflict, update } from '@relais/store/revisions';
import type { Course } from '../domain/course';
import type { CourseRepository } from './ports';

/** What a background change to one course came to: saved, nothing to do, or lost every race. */
export type CourseOutcome<Result> = { saved: Result } | 'nothing' | 'deferred';

/**
 * A change saved over the course's latest revision, decided again whenever another writer won
 * (ADR 0026), never a bulk write under the writers' feet; no event is saved with it. Shared by the
 * retention job and erasure, which both forget people in courses that HTTP writers keep changing.
 */
export async function decideOnLatest<Result>(
  courses: CourseRepository,
  courseId: string,
  decide: (course: Course) => { next: Course; result: Result } | undefined,
): Promise<CourseOutcome<Result>> {
  try {
    return await update<Course, CourseOutcome<Result>>(courses.revisions, courseId, (current) => {
      const decided = current && decide(current.state);
      return decided
        ? { save: 'state', next: decided.next, events: [], result: { saved: decided.result } }
        : { save: 'nothing', result: 'nothing' };
    });
  } catch (error) {
    if (error instanceof RevisionConflict) return 'deferred';
    throw error;
  }
}
