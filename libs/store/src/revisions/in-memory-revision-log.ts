import type { PendingEvent } from '@relais/contracts';
import { InMemoryDocuments } from '../in-memory-documents';
import type { Revision, RevisionLog, SaveOutcome } from './revision-log';

/**
 * One aggregate as the in-memory log keeps it: its latest state (absent once removed), revision and
 * pending events. The shape the in-memory outbox store (libs/bus) reads from the same Map.
 */
export interface RevisionDocument<State> {
  state?: State;
  revision: number;
  outbox: PendingEvent[];
  outboxLease?: { owner: string; until: Date };
}

/**
 * The in-memory RevisionLog: one document per aggregate, each save checked and written in one
 * synchronous step, so nothing interleaves, as with one single-document write. A removed aggregate
 * keeps its revision and pending events, so that its id is never saved again.
 */
export class InMemoryRevisionLog<State> implements RevisionLog<State> {
  constructor(readonly documents = new InMemoryDocuments<RevisionDocument<State>>()) {}

  async read(id: string): Promise<Revision<State> | undefined> {
    const document = this.documents.get(id);
    return document?.state === undefined ? undefined : { state: document.state, revision: document.revision };
  }

  async append(
    id: string,
    expectedRevision: number,
    next: State,
    events: readonly PendingEvent[],
  ): Promise<SaveOutcome> {
    return this.saveOver(id, expectedRevision, next, events);
  }

  async remove(
    id: string,
    expectedRevision: number,
    events: readonly PendingEvent[] = [],
  ): Promise<SaveOutcome> {
    return this.saveOver(id, expectedRevision, undefined, events);
  }

  /** The latest state of every aggregate still there, for queries. */
  latest(): Array<Revision<State> & { id: string }> {
    return [...this.documents.documents.keys()].flatMap((id) => {
      const document = this.documents.get(id);
      return document?.state === undefined
        ? []
        : [{ id, state: document.state, revision: document.revision }];
    });
  }

  private saveOver(
    id: string,
    expectedRevision: number,
    next: State | undefined,
    events: readonly PendingEvent[],
  ): SaveOutcome {
    let outcome: SaveOutcome = 'conflict';
    this.documents.update(id, (current) => {
      const onExpected = current
        ? current.state !== undefined && current.revision === expectedRevision
        : expectedRevision === 0;
      if (!onExpected) return undefined;
      outcome = 'saved';
      const { state: _previous, ...kept } = current ?? { revision: 0, outbox: [] };
      return {
        ...kept,
        ...(next === undefined ? {} : { state: next }),
        revision: expectedRevision + 1,
        outbox: [...kept.outbox, ...events],
      };
    });
    return outcome;
  }
}
