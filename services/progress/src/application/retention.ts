import { retentionCutoff, retentionRuleOf } from '@relais/platform';
import type { RosterStore } from '@relais/roster';
import { completionMarksPersonalData } from './personal-data';
import type { CompletionMarkStore } from './ports';

/** What one pass removed: counts only, for a log line that names no one. */
export interface RetentionPass {
  /** Courses closed before the cutoff of the marks: none of their marks is left after the pass. */
  coursesPastRetention: number;
  /** Completion marks deleted by this pass (0 when another pass or replica got there first). */
  completionMarks: number;
}

/**
 * The retention schedule (ADR 0032) as progress holds it. A completion mark is kept
 * `progressMarks` (12 months) after its course closed, counted from the day the roster replica
 * records the course as closed; then it is deleted, not anonymised: a mark without its participant
 * says nothing. Activity lists describe the course, not a person, and are not touched.
 *
 * The roster replica itself is kept (`whileMember`): `RosterStore` has no way to drop a replica, and
 * the replica is shared with the other services through libs/roster. Once it has one, the replica of
 * a course closed before this same cutoff should go in the same pass, after the marks (so that a
 * failed pass never leaves marks that no replica leads back to): nothing of progress uses it any
 * more, and it holds the members' names and schools.
 *
 * Idempotent, and safe in two replicas at once: each pass deletes what is past the cutoff, and a
 * mark deleted by one is simply not counted by the other.
 */
export class RetentionUseCases {
  private readonly marksRule = retentionRuleOf(completionMarksPersonalData);

  constructor(
    private readonly rosters: RosterStore,
    private readonly marks: CompletionMarkStore,
  ) {}

  /** `today` is YYYY-MM-DD (UTC), from the job's injected clock. */
  async purgeExpired(today: string): Promise<RetentionPass> {
    await this.rosters.dateUndatedClosures(today);
    const closed = await this.rosters.closedBefore(retentionCutoff(this.marksRule, today));
    const completionMarks = await this.marks.forgetCourses(closed.map((roster) => roster.courseId));
    return { coursesPastRetention: closed.length, completionMarks };
  }
}
