import { InMemoryOutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import { trainingRecordExpired, type Course } from '../../domain/course';
import { eventNamesPerson, eventNamesSomeone, pendingSinceBefore } from '../course-query';
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
