import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { appliedEventsCap, closedSchemaOptions, isDuplicateKeyError, KeyedSerializer } from '@relais/store';
import { randomUUID } from 'node:crypto';
import { emptyRoster, type CourseRoster } from '../course-roster';
import { withoutPerson } from '../roster-changes';
import type { RosterStore } from '../roster-store';

interface RosterRecord {
  _id: string;
  academy: string;
  title: string;
  status: 'open' | 'closed';
  closesOn?: string;
  closedOn?: string;
  trainers: { userId: string; name: string }[];
  participants: { userId: string; name: string; school?: string; status: 'enrolled' | 'completed' }[];
  revision: number;
  appliedEventIds: string[];
}

const closed = { _id: false, ...closedSchemaOptions };
const rosterSchema = new Schema<RosterRecord>(
  {
    _id: { type: String, required: true },
    academy: { type: String, default: '' },
    title: { type: String, default: '' },
    status: { type: String, enum: ['open', 'closed'], required: true },
    closesOn: { type: String },
    closedOn: { type: String },
    trainers: { type: [new Schema({ userId: String, name: String }, closed)], default: [] },
    participants: {
      type: [new Schema({ userId: String, name: String, school: String, status: String }, closed)],
      default: [],
    },
    revision: { type: Number, required: true },
    appliedEventIds: { type: [String], default: [] },
  },
  { collection: 'course_rosters', ...closedSchemaOptions },
);
rosterSchema.index({ 'trainers.userId': 1 });
rosterSchema.index({ 'participants.userId': 1 });
rosterSchema.index({ closesOn: 1 });
rosterSchema.index({ closedOn: 1 });

export function rosterModel(connection: Connection): Model<RosterRecord> {
  return connection.models['CourseRoster'] ?? connection.model<RosterRecord>('CourseRoster', rosterSchema);
}

const maxAttempts = 8;

/**
 * A roster is written by the consumer that owns its course's partition; within this process, changes
 * of one course are serialized, since FerretDB does not make the revision check atomic.
 */
export class MongoRosterStore implements RosterStore {
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly model: Model<RosterRecord>) {}

  async get(courseId: string): Promise<CourseRoster | undefined> {
    const record = await this.model.findById(courseId).lean<RosterRecord>().exec();
    return record ? rosterOf(record) : undefined;
  }

  apply(
    courseId: string,
    eventId: string,
    change: (current: CourseRoster) => CourseRoster,
  ): Promise<boolean> {
    return this.serializer.run(courseId, () => this.applyNow(courseId, eventId, change));
  }

  /** Read, change, write with the expected revision and the event id; retry if someone wrote meanwhile. */
  private async applyNow(
    courseId: string,
    eventId: string,
    change: (current: CourseRoster) => CourseRoster,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      const record = await this.model.findById(courseId).lean<RosterRecord>().exec();
      if (record?.appliedEventIds.includes(eventId)) return false;
      const next = change(record ? rosterOf(record) : emptyRoster(courseId));
      const fields = fieldsOf(next);
      if (!record) {
        try {
          await this.model.create({ _id: courseId, ...fields, revision: 1, appliedEventIds: [eventId] });
          return true;
        } catch (error) {
          if (isDuplicateKeyError(error)) continue;
          throw error;
        }
      }
      const result = await this.model
        .updateOne(
          { _id: courseId, revision: record.revision },
          {
            $set: { ...fields, revision: record.revision + 1 },
            // A field the roster no longer has must not stay in the record.
            ...unsetOf(next),
            $push: { appliedEventIds: { $each: [eventId], $slice: -appliedEventsCap } },
          },
        )
        .exec();
      if (result.modifiedCount === 1) return true;
    }
    throw new Error(`roster of course ${courseId} kept changing while applying an event`);
  }

  async closingBetween(first: string, last: string): Promise<CourseRoster[]> {
    const records = await this.model
      .find({ closesOn: mongoose.trusted({ $gte: first, $lte: last }) })
      .lean<RosterRecord[]>()
      .exec();
    return records.map(rosterOf);
  }

  async dateUndatedClosures(day: string): Promise<number> {
    // The revision moves too, so that an event applied at the same moment retries on the new one.
    const result = await this.model
      .updateMany(
        { status: 'closed', closedOn: mongoose.trusted({ $exists: false }) },
        { $set: { closedOn: day }, $inc: { revision: 1 } },
      )
      .exec();
    return result.modifiedCount;
  }

  async forgetPerson(userId: string): Promise<number> {
    // Through `apply`, one roster at a time (a person is in few): its revision check keeps an event
    // applied at the same moment from bringing him back, and a conditional $pull is not relied on
    // (FerretDB ignores it). The change's id is random: an id derived from his would outlive him.
    const naming = await this.coursesOf(userId);
    for (const roster of naming) await this.apply(roster.courseId, randomUUID(), withoutPerson(userId));
    return naming.length;
  }

  async closedBefore(day: string): Promise<CourseRoster[]> {
    const records = await this.model
      .find({ closedOn: mongoose.trusted({ $lt: day }) })
      .lean<RosterRecord[]>()
      .exec();
    return records.map(rosterOf);
  }

  async coursesOf(userId: string): Promise<CourseRoster[]> {
    const records = await this.model
      .find({ $or: [{ 'trainers.userId': userId }, { 'participants.userId': userId }] })
      .lean<RosterRecord[]>()
      .exec();
    return records.map(rosterOf);
  }
}

/** Optional fields the roster no longer has (a closing day cleared, a course reopened). */
function unsetOf(roster: CourseRoster) {
  const gone = (['closesOn', 'closedOn'] as const).filter((field) => roster[field] === undefined);
  return gone.length === 0 ? {} : { $unset: Object.fromEntries(gone.map((field) => [field, ''])) };
}

function fieldsOf(roster: CourseRoster) {
  const { courseId: _courseId, ...fields } = roster;
  return fields;
}

function rosterOf(record: RosterRecord): CourseRoster {
  return {
    courseId: record._id,
    academy: record.academy,
    title: record.title,
    status: record.status,
    ...(record.closesOn ? { closesOn: record.closesOn } : {}),
    ...(record.closedOn ? { closedOn: record.closedOn } : {}),
    trainers: record.trainers.map(({ userId, name }) => ({ userId, name })),
    participants: record.participants.map(({ userId, name, school, status }) => ({
      userId,
      name,
      status,
      ...(school ? { school } : {}),
    })),
  };
}
