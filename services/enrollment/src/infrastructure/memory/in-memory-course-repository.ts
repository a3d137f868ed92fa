import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import type { Course } from '../../domain/course';
import { CourseRevisions } from '../course-revisions';

export class InMemoryCourseRepository extends CourseRevisions {
  constructor(revisions = new InMemoryRevisionLog<Course>()) {
    super(revisions, async () => revisions.latest().map(({ state }) => state));
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
