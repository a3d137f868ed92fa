import type { PendingEvent } from '@relais/contracts';
import type { RevisionLog } from '@relais/store/revisions';
import type { Course } from '../domain/course';
import type { CourseQuery, CourseRepository, StoredCourse } from '../application/ports';
import { matchesCourseQuery } from './course-query';

/**
 * The CourseRepository over any RevisionLog of courses (ADR 0026); an adapter adds how it finds
 * candidates for a query, each checked here against its latest state, and how it reads the outbox.
 */
export abstract class CourseRevisions implements CourseRepository {
  constructor(
    readonly revisions: RevisionLog<Course>,
    private readonly candidates: (query: CourseQuery) => Promise<Course[]>,
  ) {}

  async findById(id: string): Promise<StoredCourse | undefined> {
    const latest = await this.revisions.read(id);
    return latest && { course: latest.state, revision: latest.revision };
  }

  async insert(course: Course, events: readonly PendingEvent[]): Promise<void> {
    if ((await this.revisions.append(course.id, 0, course, events)) === 'conflict')
      throw new Error(`course ${course.id} already exists`);
  }

  async replace(stored: StoredCourse, next: Course, events: readonly PendingEvent[]): Promise<boolean> {
    return (await this.revisions.append(next.id, stored.revision, next, events)) === 'saved';
  }

  async find(query: CourseQuery): Promise<Course[]> {
    return (await this.candidates(query)).filter((course) => matchesCourseQuery(course, query));
  }

  abstract pendingEventsNaming(userId: string): Promise<PendingEvent[]>;
  abstract closedWithoutClosingDay(): Promise<string[]>;
  abstract trainingRecordsClosedBefore(day: string): Promise<string[]>;
  abstract dropPendingEventsNamingSomeoneBefore(day: string): Promise<number>;
  abstract coursesWithRevisionsNaming(userId: string): Promise<string[]>;
  abstract dropSupersededRevisions(courseId: string): Promise<number>;
  abstract forgetPendingEventsNaming(userId: string): Promise<{ dropped: number; rewritten: number }>;
}
