import mongoose, { type Model } from 'mongoose';
import type { PendingEvent } from '@relais/contracts';
import type { Course } from '../../domain/course';
import type { CourseQuery, CourseRepository, StoredCourse } from '../../application/ports';
import type { CourseRecord } from './course-model';

export class MongoCourseRepository implements CourseRepository {
  constructor(private readonly model: Model<CourseRecord>) {}

  async findById(id: string): Promise<StoredCourse | undefined> {
    const record = await this.model.findById(id).lean<CourseRecord>().exec();
    return record ? { course: courseOf(record), revision: record.revision } : undefined;
  }

  async insert(course: Course, events: readonly PendingEvent[]): Promise<void> {
    await this.model.create({ ...recordFieldsOf(course), _id: course.id, revision: 1, outbox: [...events] });
  }

  /** One single-document update: the new state, the next revision and the pending events together. */
  async replace(stored: StoredCourse, next: Course, events: readonly PendingEvent[]): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: stored.course.id, revision: stored.revision },
        {
          $set: { ...recordFieldsOf(next), revision: stored.revision + 1 },
          $push: { outbox: { $each: [...events] } },
        },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async find(query: CourseQuery): Promise<Course[]> {
    const filter: Record<string, unknown> = {};
    if (query.academy !== undefined) filter['academy'] = query.academy;
    if (query.status !== undefined) filter['status'] = query.status;
    if (query.trainerId !== undefined) filter['trainers.userId'] = query.trainerId;
    if (query.participantId !== undefined) filter['participants.userId'] = query.participantId;
    if (query.district !== undefined) {
      filter['$or'] = [{ districts: query.district }, { 'participants.district': query.district }];
    }
    const records = await this.model.find(mongoose.trusted(filter)).lean<CourseRecord[]>().exec();
    return records.map(courseOf);
  }
}

function recordFieldsOf(course: Course): Omit<CourseRecord, '_id' | 'revision' | 'outbox' | 'outboxLease'> {
  const { id: _id, ...fields } = course;
  return fields;
}

function courseOf(record: CourseRecord): Course {
  const course: Course = {
    id: record._id,
    academy: record.academy,
    title: record.title,
    description: record.description,
    themes: record.themes,
    predictedHours: record.predictedHours,
    trainers: record.trainers.map(({ userId, name }) => ({ userId, name })),
    districts: record.districts,
    status: record.status,
    participants: record.participants.map(({ userId, name, school, district, status }) => ({
      userId,
      name,
      status,
      ...(school ? { school } : {}),
      ...(district ? { district } : {}),
    })),
  };
  if (record.capacity !== undefined && record.capacity !== null) course.capacity = record.capacity;
  return course;
}
