import type { RosterStore } from '@relais/roster';
import type { CompletionMarkStore } from './ports';

/** What one erasure removed: counts only, so that whatever logs it names no one. */
export interface ErasureCounts {
  /** Roster replicas that named him, as trainer or participant, and no longer do. */
  courseRosters: number;
  /** His completion marks, in every course, deleted. */
  completionMarks: number;
}

/**
 * Erasure (GDPR article 17, ADR 0033) as progress holds a person: every kind of its declaration
 * (`progressPersonalData`) is forgotten, nothing is anonymised.
 *
 * - His places in the roster replica go, as trainer and as participant: the trainer's view then no
 *   longer lists him, and his name and school are nowhere in progress.
 * - His completion marks go, in every course: a mark only says that he did an activity, so a mark
 *   without him says nothing, and the counts trainers see are per listed participant.
 * - Activity lists stay: they describe the course, record no author, and the other members use them.
 * - Progress has no outbox (it publishes nothing), so no pending event can carry his id.
 *
 * The roster goes first: from then on he is no participant, so a mark he declares at that moment
 * is either refused or undone by the declaration's own check after its write
 * (`CompletionUseCases.undoIfWithdrawnMeanwhile`), and the marks deleted next cannot come back from
 * a declaration already under way. If the marks' delete fails after the roster's, a retry still
 * finds them, by his id, not through a roster.
 *
 * Idempotent: a second call, or a call for a person progress never knew, counts 0. An enrollment
 * event of his applied after the call brings a roster entry back; the next call removes it (the
 * event plumbing of ADR 0033 keeps such events from being readable after erasure).
 */
export class ErasureUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly marks: CompletionMarkStore,
  ) {}

  async forgetPerson(userId: string): Promise<ErasureCounts> {
    const courseRosters = await this.rosters.forgetPerson(userId);
    const completionMarks = await this.marks.forgetPerson(userId);
    return { courseRosters, completionMarks };
  }
}
