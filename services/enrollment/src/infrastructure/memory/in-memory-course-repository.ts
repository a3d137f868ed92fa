import { InMemoryOutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import { trainingRecordExpired, type Course } from '../../domain/course';
import {
  eraseFromPendingEvent,
  eventNamesPerson,
  eventNamesSomeone,
  matchesCourseQuery,
  pendingSinceBefore,
} from '../course-query';
import { CourseRevisions } from '../course-revisions';

export class InMemoryCourseRepository extends CourseRevisions {
  constructor(private readonly log = new InMemoryRevisionLog<Course>()) {
    super(log, async () => log.latest().map(({ state }) => state));
  }

  /** Each course is one document whose outbox keeps its unpublished events, a removed course's too. */
  async pendingEventsNaming(userId: string): Promise<PendingEvent[]> {
    return this.log.documents
      .all()
      .flatMap((document) => document.outbox.filter((event) => eventNamesPerson(event, userId)));
  }

  async closedWithoutClosingDay(): Promise<string[]> {
    return this.log
      .latest()
      .filter(
        ({ state }) =>
          state.status === 'closed' && state.closedOn === undefined && state.recordAnonymisedOn === undefined,
      )
      .map(({ id }) => id);
  }

  async trainingRecordsClosedBefore(day: string): Promise<string[]> {
    return this.log
      .latest()
      .filter(({ state }) => trainingRecordExpired(state, day))
      .map(({ id }) => id);
  }

  /** Each document in one synchronous update, as atomic as the relay's own acknowledgements. */
  async dropPendingEventsNamingSomeoneBefore(day: string): Promise<number> {
    const stale = (event: PendingEvent) => pendingSinceBefore(event, day) && eventNamesSomeone(event);
    let dropped = 0;
    for (const id of [...this.log.documents.documents.keys()]) {
      this.log.documents.update(id, (document) => {
        const kept = document?.outbox.filter((event) => !stale(event));
        if (!document || !kept || kept.length === document.outbox.length) return undefined;
        dropped += document.outbox.length - kept.length;
        return { ...document, outbox: kept };
      });
    }
    return dropped;
  }

  /** The latest state is the only one kept here. */
  async coursesWithRevisionsNaming(userId: string): Promise<string[]> {
    return this.log
      .latest()
      .filter(({ state }) => matchesCourseQuery(state, { personId: userId }))
      .map(({ id }) => id);
  }

  /** Each save replaces the document: nothing superseded is ever left. */
  async dropSupersededRevisions(): Promise<number> {
    return 0;
  }

  /** Each document in one synchronous update, as atomic as the relay's own acknowledgements. */
  async forgetPendingEventsNaming(userId: string): Promise<{ dropped: number; rewritten: number }> {
    const counts = { dropped: 0, rewritten: 0 };
    for (const id of [...this.log.documents.documents.keys()]) {
      this.log.documents.update(id, (document) => {
        if (!document?.outbox.some((event) => eventNamesPerson(event, userId))) return undefined;
        const outbox = document.outbox.flatMap((event) => {
          const erased = eraseFromPendingEvent(event, userId);
          if (erased === 'keep') return [event];
          if (erased === 'drop') {
            counts.dropped += 1;
            return [];
          }
          counts.rewritten += 1;
          return [erased];
        });
        return { ...document, outbox };
      });
    }
    return counts;
  }
}

/** The courses and their outbox over one shared map, as a collection would hold them. */
export function inMemoryCourseStores(): {
  courses: InMemoryCourseRepository;
  outbox: InMemoryOutboxStore<RevisionDocument<Course>>;
} {
  const revisions = new InMemoryRevisionLog<Course>();
  return {
    courses: new InMemoryCourseRepository(revisions),
    outbox: new InMemoryOutboxStore(revisions.documents.documents),
  };
}
