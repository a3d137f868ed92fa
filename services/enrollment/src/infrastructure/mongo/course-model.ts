import { Schema, type Connection, type Model, type SchemaDefinitionProperty } from 'mongoose';
import { closedSchemaOptions } from '@relais/store';
import type { PendingEvent } from '@relais/contracts';

/** A course's state as stored: the same fields in a revision and in the query projection. */
export interface CourseState {
  academy: string;
  title: string;
  description: string;
  themes: string[];
  predictedHours: number;
  trainers: { userId: string; name: string }[];
  districts: string[];
  capacity?: number;
  status: 'open' | 'closed';
  participants: {
    userId: string;
    name: string;
    school?: string;
    district?: string;
    status: 'enrolled' | 'completed';
    creditedHours?: number;
  }[];
  /** Absent in revisions saved before withdrawal after completion existed. */
  formerParticipants?: {
    userId: string;
    name: string;
    school?: string;
    district?: string;
    creditedHours: number;
  }[];
}

/**
 * One saved version of a course, inserted once and never rewritten by a repository: the unique `_id`
 * `<courseId>#<revision>` makes concurrent saves conflict (the only write FerretDB makes atomic is an
 * insert against a unique key), and its `outbox` holds the events of that save (DESIGN §4).
 */
export interface CourseRevisionRecord extends CourseState {
  _id: string;
  courseId: string;
  revision: number;
  outbox: PendingEvent[];
}

/** The latest state of each course, kept for queries; the truth is always the latest revision. */
export interface CourseProjectionRecord extends CourseState {
  _id: string;
  revision: number;
}

const closed = { _id: false, ...closedSchemaOptions };
const courseStateDefinition = {
  academy: { type: String, required: true },
  title: { type: String, required: true },
  description: { type: String, default: '' },
  themes: { type: [String], default: [] },
  predictedHours: { type: Number, required: true },
  trainers: { type: [new Schema({ userId: String, name: String }, closed)], default: [] },
  districts: { type: [String], default: [] },
  capacity: { type: Number },
  status: { type: String, enum: ['open', 'closed'], required: true },
  participants: {
    type: [
      new Schema(
        {
          userId: { type: String, required: true },
          name: { type: String, required: true },
          school: { type: String },
          district: { type: String },
          status: { type: String, enum: ['enrolled', 'completed'], required: true },
          creditedHours: { type: Number, required: true, default: 0 },
        },
        closed,
      ),
    ],
    default: [],
  },
  formerParticipants: {
    type: [
      new Schema(
        {
          userId: { type: String, required: true },
          name: { type: String, required: true },
          school: { type: String },
          district: { type: String },
          creditedHours: { type: Number, required: true },
        },
        closed,
      ),
    ],
    default: [],
  },
};

const revisionSchema = new Schema<CourseRevisionRecord>(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    revision: { type: Number, required: true },
    ...courseStateDefinition,
    outbox: { type: [Schema.Types.Mixed], default: [] } as SchemaDefinitionProperty<PendingEvent[]>,
  },
  { collection: 'course_revisions', ...closedSchemaOptions },
);
revisionSchema.index({ courseId: 1, revision: -1 });

const projectionSchema = new Schema<CourseProjectionRecord>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    ...courseStateDefinition,
  },
  { collection: 'courses', ...closedSchemaOptions },
);
projectionSchema.index({ academy: 1, status: 1 });
projectionSchema.index({ 'trainers.userId': 1 });
projectionSchema.index({ 'participants.userId': 1 });
projectionSchema.index({ 'participants.district': 1 });
projectionSchema.index({ 'formerParticipants.userId': 1 });
projectionSchema.index({ 'formerParticipants.district': 1 });
projectionSchema.index({ districts: 1 });

export const revisionIdOf = (courseId: string, revision: number): string =>
  `${courseId}#${String(revision).padStart(9, '0')}`;

export function courseRevisionModel(connection: Connection): Model<CourseRevisionRecord> {
  return (
    connection.models['CourseRevision'] ??
    connection.model<CourseRevisionRecord>('CourseRevision', revisionSchema)
  );
}

export function courseProjectionModel(connection: Connection): Model<CourseProjectionRecord> {
  return connection.models['Course'] ?? connection.model<CourseProjectionRecord>('Course', projectionSchema);
}
