import mongoose, { type Model } from 'mongoose';
import type { PendingEvent } from '@relais/contracts';
import { isDuplicateKeyError } from '@relais/store';
import type { Course } from '../../domain/course';
import type { CourseQuery, CourseRepository, StoredCourse } from '../../application/ports';
import { matchesCourseQuery } from '../course-query';
import {
  revisionIdOf,
  type CourseProjectionRecord,
  type CourseRevisionRecord,
  type CourseState,
} from './course-model';

const projectionAttempts = 5;

/**
 * Courses as a log of revisions (see CourseRevisionRecord and ADR 0004). A save inserts revision n+1
 * with the new state and its events: one single-document write, atomic on MongoDB and FerretDB alike.
 * Events still pending in older revisions are carried into the new one, and every older revision is
 * then deleted, so a withdrawn teacher does not linger in old versions (L1). A carried event may be
 * published twice if the relay was publishing it meanwhile: consumers are idempotent.
 */
export class MongoCourseRepository implements CourseRepository {
  constructor(
    private readonly revisions: Model<CourseRevisionRecord>,
    private readonly projection: Model<CourseProjectionRecord>,
  ) {}

  async findById(id: string): Promise<StoredCourse | undefined> {
    const latest = await this.latestRevision(id);
    return latest ? { course: courseOf(latest.courseId, latest), revision: latest.revision } : undefined;
  }

  async insert(course: Course, events: readonly PendingEvent[]): Promise<void> {
    if (!(await this.insertRevision(course, 1, events)))
      throw new Error(`course ${course.id} already exists`);
    await this.project(course.id);
  }

  async replace(stored: StoredCourse, next: Course, events: readonly PendingEvent[]): Promise<boolean> {
    const revision = stored.revision + 1;
    const carried = await this.pendingBefore(next.id, revision);
    if (!(await this.insertRevision(next, revision, [...carried, ...events]))) return false;
    await this.project(next.id);
    await this.revisions
      .deleteMany({ courseId: next.id, revision: mongoose.trusted({ $lt: revision }) })
      .exec();
    return true;
  }

  /** Events of older revisions that the relay has not removed yet, oldest first. */
  private async pendingBefore(courseId: string, revision: number): Promise<PendingEvent[]> {
    const older = await this.revisions
      .find({
        courseId,
        revision: mongoose.trusted({ $lt: revision }),
        'outbox.0': mongoose.trusted({ $exists: true }),
      })
      .sort({ revision: 1 })
      .lean<CourseRevisionRecord[]>()
      .exec();
    return older.flatMap((record) => record.outbox);
  }

  /** Candidates come from the projection; each is checked against its latest revision, the truth. */
  async find(query: CourseQuery): Promise<Course[]> {
    const candidates = await this.projection
      .find(projectionFilterOf(query), { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    const courses = await Promise.all(candidates.map(({ _id }) => this.findById(_id)));
    return courses.flatMap((stored) =>
      stored && matchesCourseQuery(stored.course, query) ? [stored.course] : [],
    );
  }

  private async insertRevision(course: Course, revision: number, events: readonly PendingEvent[]) {
    try {
      await this.revisions.create({
        _id: revisionIdOf(course.id, revision),
        courseId: course.id,
        revision,
        ...stateOf(course),
        outbox: [...events],
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  private latestRevision(courseId: string): Promise<CourseRevisionRecord | null> {
    return this.revisions.findOne({ courseId }).sort({ revision: -1 }).lean<CourseRevisionRecord>().exec();
  }

  /**
   * Brings the projection to the latest revision. Writers racing here may land in any order, so
   * each one writes again until the projection matches the latest revision it can read: the last
   * writer to finish always leaves the latest state.
   */
  private async project(courseId: string): Promise<void> {
    for (let attempt = 0; attempt < projectionAttempts; attempt += 1) {
      const latest = await this.latestRevision(courseId);
      if (!latest) return;
      await this.projection
        .replaceOne(
          { _id: courseId },
          { ...stateOf(courseOf(courseId, latest)), revision: latest.revision },
          { upsert: true },
        )
        .exec();
      const after = await this.latestRevision(courseId);
      if (after?.revision === latest.revision) return;
    }
  }
}

function projectionFilterOf(query: CourseQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.academy !== undefined) filter['academy'] = query.academy;
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.trainerId !== undefined) filter['trainers.userId'] = query.trainerId;
  if (query.participantId !== undefined) filter['participants.userId'] = query.participantId;
  if (query.formerParticipantId !== undefined) {
    filter['formerParticipants.userId'] = query.formerParticipantId;
  }
  if (query.district !== undefined) {
    filter['$or'] = [
      { districts: query.district },
      { 'participants.district': query.district },
      { 'formerParticipants.district': query.district },
    ];
  }
  return filter;
}

function stateOf(course: Course): CourseState {
  const { id: _id, ...state } = course;
  return state;
}

function courseOf(courseId: string, record: CourseState): Course {
  const course: Course = {
    id: courseId,
    academy: record.academy,
    title: record.title,
    description: record.description,
    themes: [...record.themes],
    predictedHours: record.predictedHours,
    trainers: record.trainers.map(({ userId, name }) => ({ userId, name })),
    districts: [...record.districts],
    status: record.status,
    participants: record.participants.map(({ userId, name, school, district, status, creditedHours }) => ({
      userId,
      name,
      status,
      creditedHours: creditedHours ?? 0,
      ...(school ? { school } : {}),
      ...(district ? { district } : {}),
    })),
    formerParticipants: (record.formerParticipants ?? []).map(
      ({ userId, name, school, district, creditedHours }) => ({
        userId,
        name,
        creditedHours,
        ...(school ? { school } : {}),
        ...(district ? { district } : {}),
      }),
    ),
  };
  if (record.capacity !== undefined && record.capacity !== null) course.capacity = record.capacity;
  return course;
}
