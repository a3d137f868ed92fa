import { InMemoryOutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import type { Course } from '../../domain/course';
import { eventNamesPerson } from '../course-query';
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
