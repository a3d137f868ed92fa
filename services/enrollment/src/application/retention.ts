import {
  retentionCutoff,
  retentionRuleOf,
  type PersonalDataDeclaration,
  type RetentionRule,
} from '@relais/platform';
import { anonymiseTrainingRecord, dateClosingFoundLate } from '../domain/course';
import {
  ATTESTATIONS,
  ENROLLMENTS,
  enrollmentPersonalData,
  PENDING_EVENTS,
  TRAINED_COURSES,
} from './personal-data';
import { decideOnLatest } from './decide-on-latest';
import type { CourseRepository } from './ports';

/**
 * What one pass of the retention job did, per kind of record: numbers for one log line, never an id
 * or a name. Each counts what this pass saved, so two replicas purging at once add up to the work done.
 */
export interface PurgeCounts {
  /** Closed courses that recorded no closing day, dated today (`dateClosingFoundLate`). */
  closingDaysRecorded: number;
  /** Courses whose training record was anonymised today… */
  coursesAnonymised: number;
  /** …and in them, the records of each kind of the declaration that were forgotten. */
  enrollments: number;
  attestations: number;
  trainerMemberships: number;
  /**
   * Older revisions of those courses that a save stopped by a crash had left: the record before its
   * anonymisation among them, which the latest revision no longer shows and no pass would otherwise
   * reach again.
   */
  supersededRevisionsDropped: number;
  /** Pending events naming someone that a failing relay had left in the outbox past their rule. */
  pendingEventsDropped: number;
  /** Courses other writers kept busy through every attempt: the next pass takes them up again. */
  coursesDeferred: number;
}

const noWork = (): PurgeCounts => ({
  closingDaysRecorded: 0,
  coursesAnonymised: 0,
  enrollments: 0,
  attestations: 0,
  trainerMemberships: 0,
  supersededRevisionsDropped: 0,
  pendingEventsDropped: 0,
  coursesDeferred: 0,
});

/** The rules of the schedule that count from the day a course closed (docs/adr/0032). */
const COUNTED_FROM_CLOSING: ReadonlySet<RetentionRule> = new Set<RetentionRule>([
  'trainingRecord',
  'progressMarks',
  'namedFeedback',
  'directMessages',
  'authorSeals',
]);

/**
 * The one rule every field of these kinds declares. They are stored together and forgotten in one
 * step (a participant's entry holds his enrollment and his attestation, which prints the trainers'
 * names), so a declaration that gave them different rules would be one this job cannot keep: it
 * refuses to start rather than enforce something else than "Mes données" tells.
 */
function sharedRule(declaration: PersonalDataDeclaration, kinds: readonly string[]): RetentionRule {
  return retentionRuleOf(
    kinds.map((kind) => {
      const declared = declaration.kinds.find((candidate) => candidate.kind === kind);
      if (!declared) {
        throw new Error(`${declaration.service}: the retention job purges "${kind}", which is not declared`);
      }
      return declared;
    }),
  );
}

/**
 * Enforces enrollment's part of the retention schedule (ADR 0032), with the rules its personal-data
 * declaration gives each kind, so that the job and "Mes données" cannot disagree:
 * - a course's training record (enrollments, attestations, trainer memberships) is anonymised once
 *   its closing day is before the cutoff of their rule (`anonymiseTrainingRecord`), and the older
 *   revisions a crashed save left of such a course are dropped, since they still name everyone;
 * - a closed course that recorded no closing day is dated today, the first day this job sees it
 *   closed: its record is then kept the rule's full length from today, never less;
 * - pending events naming someone, which the relay publishes within seconds, are dropped once they
 *   have waited past their rule: the relay retries a failing publish for ever and marks nothing as
 *   failed for good, so an event it cannot publish (refused by the broker, or the broker away for a
 *   month) would otherwise hold a name for ever. Facts name no one and stay until published.
 *
 * Every change to a course is a new revision decided on its latest one (ADR 0026), never a bulk
 * write under the writers' feet: a manager reopening the course, or a second replica purging it,
 * meanwhile makes this pass decide again, and find nothing left to do. No event is published: the
 * siblings' replicas keep their copies under their own rules, counted from the same closing day.
 */
export class RetentionUseCases {
  private readonly trainingRecordRule: RetentionRule;
  private readonly pendingEventsRule: RetentionRule;

  constructor(
    private readonly courses: CourseRepository,
    declaration: PersonalDataDeclaration = enrollmentPersonalData,
  ) {
    this.trainingRecordRule = sharedRule(declaration, [ENROLLMENTS, ATTESTATIONS, TRAINED_COURSES]);
    if (!COUNTED_FROM_CLOSING.has(this.trainingRecordRule)) {
      throw new Error(
        `${declaration.service}: the training record is kept under "${this.trainingRecordRule}", which does ` +
          'not count from the closing of the course; the retention job knows no other start',
      );
    }
    this.pendingEventsRule = sharedRule(declaration, [PENDING_EVENTS]);
  }

  /** Everything the schedule no longer allows on `today` (YYYY-MM-DD); idempotent. */
  async purgeExpired(today: string): Promise<PurgeCounts> {
    // First, so that a malformed day fails before anything is written.
    const trainingRecordCutoff = retentionCutoff(this.trainingRecordRule, today);
    const pendingEventsCutoff = retentionCutoff(this.pendingEventsRule, today);
    const counts = noWork();

    for (const courseId of await this.courses.closedWithoutClosingDay()) {
      const outcome = await decideOnLatest(this.courses, courseId, (course) => {
        const dated = dateClosingFoundLate(course, today);
        return dated && { next: dated, result: true };
      });
      if (outcome === 'deferred') counts.coursesDeferred += 1;
      else if (outcome !== 'nothing') counts.closingDaysRecorded += 1;
    }

    for (const courseId of await this.courses.trainingRecordsClosedBefore(trainingRecordCutoff)) {
      const outcome = await decideOnLatest(this.courses, courseId, (course) => {
        const anonymised = anonymiseTrainingRecord(course, trainingRecordCutoff, today);
        return anonymised && { next: anonymised.course, result: anonymised.forgotten };
      });
      if (outcome === 'deferred') counts.coursesDeferred += 1;
      else if (outcome !== 'nothing') {
        counts.coursesAnonymised += 1;
        counts.enrollments += outcome.saved.enrollments;
        counts.attestations += outcome.saved.attestations;
        counts.trainerMemberships += outcome.saved.trainerMemberships;
      }
      // A candidate may be such a leftover, of a course anonymised already; erasure does the same.
      if (outcome !== 'deferred') {
        counts.supersededRevisionsDropped += await this.courses.dropSupersededRevisions(courseId);
      }
    }

    counts.pendingEventsDropped =
      await this.courses.dropPendingEventsNamingSomeoneBefore(pendingEventsCutoff);
    return counts;
  }
}
