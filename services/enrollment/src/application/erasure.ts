import { forgetPersonInCourse } from '../domain/course';
import { decideOnLatest } from './decide-on-latest';
import type { ErasureRequestStore } from './erasure-requests';
import type { CourseRepository } from './ports';

/**
 * What one erasure did, per kind of record: numbers for one log line, never an id or a name. Each
 * counts what this call saved, so a second call for the same person counts 0 everywhere.
 */
export interface ErasureCounts {
  /** Courses saved without him… */
  coursesChanged: number;
  /** …and in them, his records of each kind of the declaration (personal-data.ts). */
  enrollments: number;
  attestations: number;
  trainerMemberships: number;
  /** Older revisions a save interrupted by a crash had left, which could still name him. */
  supersededRevisionsDropped: number;
  /** Pending events about him (enrollment, withdrawal, completion), dropped from the outbox. */
  pendingEventsDropped: number;
  /** Pending course snapshots naming him as trainer, rewritten without him. */
  pendingEventsRewritten: number;
  /** Erasures he requested as an administrator: kept for the audit, without him. */
  erasureRequestsMade: number;
}

const nothingErased = (): ErasureCounts => ({
  coursesChanged: 0,
  enrollments: 0,
  attestations: 0,
  trainerMemberships: 0,
  supersededRevisionsDropped: 0,
  pendingEventsDropped: 0,
  pendingEventsRewritten: 0,
  erasureRequestsMade: 0,
});

/**
 * Thrown when other writers kept some of his courses busy through every attempt: what could be
 * erased was, and calling again finishes. An error rather than a count, so that the consumer of
 * the erasure event cannot take a partial erasure for a done one.
 */
export class ErasureIncomplete extends Error {
  override readonly name = 'ErasureIncomplete';
  constructor(
    readonly counts: ErasureCounts,
    readonly coursesDeferred: number,
  ) {
    super(`${coursesDeferred} course(s) were kept busy by other writers; erase again.`);
  }
}

/**
 * Erasure of a person in enrollment (issue 19 point 3, ADR 0033): afterwards nothing stored names
 * him, so his own `/me/data` export is empty in every kind. Per course, on its latest revision as
 * the retention job does it (`forgetPersonInCourse`, the same forgetting as `anonymiseTrainingRecord`
 * limited to him): his enrollment and attestation go, and his trainer membership. Then the older
 * revisions of those courses, which a crash may have left naming him, and the pending events that
 * would publish his id.
 *
 * What stays, and why: the trainers' names printed on other teachers' attestations (see
 * `forgetPersonInCourse`); the participation counter's tokens, which hold no id and cannot be
 * recomputed for him without every cell and month (`countedCellsNotExported`); facts and the
 * statistics made from them, which name no one.
 *
 * Unknown person, or erased already: nothing found, counts 0. Safe beside HTTP writers: each course
 * is decided again on a race, and what one saves for him after this call passed its course (an
 * enrollment arriving with the erasure) is what a later call removes.
 */
export class ErasureUseCases {
  constructor(
    private readonly courses: CourseRepository,
    private readonly erasureRequests: ErasureRequestStore,
  ) {}

  async forgetPerson(userId: string): Promise<ErasureCounts> {
    // An empty id names no one; it can only come from a bug upstream, which 0 counts would hide.
    if (userId.trim() === '') throw new TypeError('forgetPerson needs the id of a person.');
    const counts = nothingErased();
    let coursesDeferred = 0;

    for (const courseId of await this.courses.coursesWithRevisionsNaming(userId)) {
      const outcome = await decideOnLatest(this.courses, courseId, (course) => {
        const forgotten = forgetPersonInCourse(course, userId);
        return forgotten && { next: forgotten.course, result: forgotten.forgotten };
      });
      if (outcome === 'deferred') {
        coursesDeferred += 1;
        continue;
      }
      if (outcome !== 'nothing') {
        counts.coursesChanged += 1;
        counts.enrollments += outcome.saved.enrollments;
        counts.attestations += outcome.saved.attestations;
        counts.trainerMemberships += outcome.saved.trainerMemberships;
      }
      // After the save, which deleted what it superseded unless it crashed; and when only an old
      // revision still named him, there was nothing to save and this is the whole erasure.
      counts.supersededRevisionsDropped += await this.courses.dropSupersededRevisions(courseId);
    }

    const pending = await this.courses.forgetPendingEventsNaming(userId);
    counts.pendingEventsDropped = pending.dropped;
    counts.pendingEventsRewritten = pending.rewritten;
    counts.erasureRequestsMade = await this.erasureRequests.forgetRequester(userId);
    if (coursesDeferred > 0) throw new ErasureIncomplete(counts, coursesDeferred);
    return counts;
  }
}
