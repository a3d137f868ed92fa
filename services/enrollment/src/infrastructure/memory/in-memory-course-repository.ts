import type { PendingEvent } from '@relais/contracts';
import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryDocuments } from '@relais/store';
import type { Course } from '../../domain/course';
import type { CourseQuery, CourseRepository, StoredCourse } from '../../application/ports';
import { matchesCourseQuery } from '../course-query';

/** The stored shape shared with the in-memory outbox: state, revision and pending events together. */
export interface CourseDocument {
  course: Course;
  revision: number;
  outbox: PendingEvent[];
  outboxLease?: { owner: string; until: Date };
}

export class InMemoryCourseRepository implements CourseRepository {
  constructor(readonly documents = new InMemoryDocuments<CourseDocument>()) {}

  async findById(id: string): Promise<StoredCourse | undefined> {
    const document = this.documents.get(id);
    return document && { course: document.course, revision: document.revision };
  }

  async insert(course: Course, events: readonly PendingEvent[]): Promise<void> {
    if (this.documents.get(course.id)) throw new Error(`course ${course.id} already exists`);
    this.documents.set(course.id, { course, revision: 1, outbox: [...events] });
  }

  async replace(stored: StoredCourse, next: Course, events: readonly PendingEvent[]): Promise<boolean> {
    let saved = false;
    this.documents.update(stored.course.id, (current) => {
      if (!current || current.revision !== stored.revision) return undefined;
      saved = true;
      return {
        ...current,
        course: next,
        revision: current.revision + 1,
        outbox: [...current.outbox, ...events],
      };
    });
    return saved;
  }

  async find(query: CourseQuery): Promise<Course[]> {
    return this.documents
      .all()
      .map((document) => document.course)
      .filter((course) => matchesCourseQuery(course, query));
  }
}

/** The courses and their outbox over one shared map, as a collection would hold them. */
export function inMemoryCourseStores(): {
  courses: InMemoryCourseRepository;
  outbox: InMemoryOutboxStore<CourseDocument>;
} {
  const documents = new InMemoryDocuments<CourseDocument>();
  return {
    courses: new InMemoryCourseRepository(documents),
    outbox: new InMemoryOutboxStore(documents.documents),
  };
}
