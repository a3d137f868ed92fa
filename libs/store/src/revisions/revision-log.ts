import type { PendingEvent } from '@relais/contracts';

/** The latest saved state of one aggregate and the revision it was saved at (1 for the first save). */
export interface Revision<State> {
  state: State;
  revision: number;
}

/** A save either lands on the revision its writer read, or another writer saved first. */
export type SaveOutcome = 'saved' | 'conflict';

/**
 * Aggregates saved as numbered revisions, each save carrying the events it causes in the same
 * single-document write (the outbox, ADR 0002). The one way Relais keeps state that HTTP writers of
 * any replica change concurrently (ADR 0026).
 *
 * Contract, kept by every adapter (libs/store/test/revision-log-contract.ts):
 * - a save names the revision it was decided on; it lands only if that is still the latest, so of
 *   concurrent writers from one revision exactly one wins and the others get `conflict`;
 * - revision 0 means "new": it conflicts with any id that was ever saved, removed ones included;
 * - the events of a save are never lost: they stay pending for the relay (OutboxRelay, libs/bus)
 *   until it acknowledges them, even once their state is superseded or removed;
 * - a removal forgets the state at once (it reads as absent and refuses any further save).
 */
export interface RevisionLog<State> {
  read(id: string): Promise<Revision<State> | undefined>;
  append(
    id: string,
    expectedRevision: number,
    next: State,
    events: readonly PendingEvent[],
  ): Promise<SaveOutcome>;
  remove(id: string, expectedRevision: number, events?: readonly PendingEvent[]): Promise<SaveOutcome>;
}

/** What a writer decided from the revision it read; `result` is what `update` answers once it is saved. */
export type Decision<State, Result> =
  | { save: 'nothing'; result: Result }
  | { save: 'state'; next: State; events: readonly PendingEvent[]; result: Result }
  | { save: 'removal'; events?: readonly PendingEvent[]; result: Result };

/** Thrown by `update` when other writers won every attempt: the HTTP adapters answer 409. */
export class RevisionConflict extends Error {
  override readonly name = 'RevisionConflict';
  constructor(readonly attempts: number) {
    super(`Other writers saved first ${attempts} times in a row.`);
  }
}

/**
 * Why a bound and this one: a conflict means another writer saved, so the system always progresses,
 * but one request can lose every race on a busy aggregate. Twelve teachers enrolling in one course
 * at the same moment need at most as many attempts as places left plus one (each round one of them
 * wins, and a full course refuses without saving); beyond eight the caller is better told to retry.
 */
export const defaultUpdateAttempts = 8;

/**
 * Read the latest revision, decide, save over that revision; on a conflict, read again and decide
 * again from the newer state. Deciding again is what the rules demand: a teacher who enrolls while
 * another enrolls gets his place or `COURSE_FULL` from the course as it now is, not an error because
 * someone else was quicker. `decide` may throw (not found, a refused rule): nothing is saved then.
 */
export async function update<State, Result>(
  log: RevisionLog<State>,
  id: string,
  decide: (
    current: Revision<State> | undefined,
  ) => Promise<Decision<State, Result>> | Decision<State, Result>,
  attempts = defaultUpdateAttempts,
): Promise<Result> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const current = await log.read(id);
    const decision = await decide(current);
    if (decision.save === 'nothing') return decision.result;
    const expected = current?.revision ?? 0;
    const outcome =
      decision.save === 'state'
        ? await log.append(id, expected, decision.next, decision.events)
        : await log.remove(id, expected, decision.events);
    if (outcome === 'saved') return decision.result;
  }
  throw new RevisionConflict(attempts);
}
