import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { CompletionMark } from '../../domain/completion-mark';
import type { CompletionMarkStore } from '../../application/ports';
import { completionMarkIdOf } from '../completion-mark-id';

/**
 * A mark exists while the activity is declared done. Nothing else: no date, no count, no duration,
 * no access field (L2); the closed schema refuses any other field.
 */
export interface CompletionMarkRecord {
  _id: string;
  courseId: string;
  userId: string;
  activityId: string;
}

const completionMarkSchema = new Schema<CompletionMarkRecord>(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    userId: { type: String, required: true },
    activityId: { type: String, required: true },
  },
  { collection: 'completion_marks', ...closedSchemaOptions },
);
// The participant's bar, the trainer's view of a course and the withdrawal clean-up all read or
// delete by course, then participant; the retention job deletes by course, on the same index.
completionMarkSchema.index({ courseId: 1, userId: 1 });
// A person's own marks in every course (GET /me/data, and erasure's delete): the index above needs
// the course first, and without this one the rare export or erasure of one person would read every
// mark of every course.
completionMarkSchema.index({ userId: 1 });

export function completionMarkModel(connection: Connection): Model<CompletionMarkRecord> {
  return (
    connection.models['CompletionMark'] ??
    connection.model<CompletionMarkRecord>('CompletionMark', completionMarkSchema)
  );
}

/**
 * Writes are inserts against a deterministic `_id` and deletes, never updates: FerretDB makes only
 * inserts against a unique `_id` atomic (ADR 0004), and a mark has nothing to update (ADR 0008).
 */
export class MongoCompletionMarkStore implements CompletionMarkStore {
  constructor(private readonly model: Model<CompletionMarkRecord>) {}

  async add(mark: CompletionMark): Promise<void> {
    try {
      await this.model.create({ _id: completionMarkIdOf(mark), ...markOf(mark) });
    } catch (error) {
      // Already marked done: the same mark, nothing to change.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async remove(mark: CompletionMark): Promise<void> {
    await this.model.deleteOne({ _id: completionMarkIdOf(mark) }).exec();
  }

  async doneBy(courseId: string, userId: string): Promise<Set<string>> {
    const records = await this.model
      .find({ courseId, userId }, { activityId: 1 })
      .lean<Pick<CompletionMarkRecord, 'activityId'>[]>()
      .exec();
    return new Set(records.map((record) => record.activityId));
  }

  async marksOf(courseId: string): Promise<CompletionMark[]> {
    const records = await this.model.find({ courseId }).lean<CompletionMarkRecord[]>().exec();
    return records.map(markOf);
  }

  async marksBy(userId: string): Promise<CompletionMark[]> {
    const records = await this.model.find({ userId }).lean<CompletionMarkRecord[]>().exec();
    return records.map(markOf);
  }

  async forgetParticipant(courseId: string, userId: string): Promise<void> {
    await this.model.deleteMany({ courseId, userId }).exec();
  }

  async forgetActivities(courseId: string, activityIds: readonly string[]): Promise<void> {
    await this.model.deleteMany({ courseId, activityId: mongoose.trusted({ $in: [...activityIds] }) }).exec();
  }

  async forgetCourses(courseIds: readonly string[]): Promise<number> {
    let deleted = 0;
    // Bounded batches: every course closed before the cutoff comes back on each pass, and one $in of
    // years of courses would make one ever larger query.
    for (let start = 0; start < courseIds.length; start += coursesPerDelete) {
      const batch = courseIds.slice(start, start + coursesPerDelete);
      const result = await this.model.deleteMany({ courseId: mongoose.trusted({ $in: batch }) }).exec();
      deleted += result.deletedCount;
    }
    return deleted;
  }

  async forgetPerson(userId: string): Promise<number> {
    // One delete on the participant index: a person has marks in few courses.
    const result = await this.model.deleteMany({ userId }).exec();
    return result.deletedCount;
  }
}

const coursesPerDelete = 500;

function markOf({ courseId, userId, activityId }: CompletionMark): CompletionMark {
  return { courseId, userId, activityId };
}
