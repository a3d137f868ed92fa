import { Schema, type Connection, type Model, type SchemaDefinitionProperty } from 'mongoose';
import { closedSchemaOptions } from '@relais/store';
import type { PendingEvent } from '@relais/contracts';

export interface CourseRecord {
  _id: string;
  academy: string;
  title: string;
  description: string;
  themes: string[];
  predictedHours: number;
  trainers: { userId: string; name: string }[];
  districts: string[];
  capacity?: number;
  status: 'open' | 'closed';
  participants: { userId: string; name: string; school?: string; district?: string; status: 'enrolled' | 'completed' }[];
  revision: number;
  outbox: PendingEvent[];
  outboxLease?: { owner: string; until: Date };
}

const person = { userId: { type: String, required: true }, name: { type: String, required: true } };

const courseSchema = new Schema<CourseRecord>(
  {
    _id: { type: String, required: true },
    academy: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    themes: { type: [String], default: [] },
    predictedHours: { type: Number, required: true },
    trainers: { type: [new Schema(person, { _id: false, ...closedSchemaOptions })], default: [] },
    districts: { type: [String], default: [] },
    capacity: { type: Number },
    status: { type: String, enum: ['open', 'closed'], required: true },
    participants: {
      type: [
        new Schema(
          {
            ...person,
            school: { type: String },
            district: { type: String },
            status: { type: String, enum: ['enrolled', 'completed'], required: true },
          },
          { _id: false, ...closedSchemaOptions },
        ),
      ],
      default: [],
    },
    revision: { type: Number, required: true },
    // Pending events (the outbox): published by the relay, then pulled from the document.
    outbox: { type: [Schema.Types.Mixed], default: [] } as SchemaDefinitionProperty<PendingEvent[]>,
    outboxLease: { type: new Schema({ owner: String, until: Date }, { _id: false, ...closedSchemaOptions }) },
  },
  { collection: 'courses', ...closedSchemaOptions },
);

courseSchema.index({ academy: 1, status: 1 });
courseSchema.index({ 'trainers.userId': 1 });
courseSchema.index({ 'participants.userId': 1 });
courseSchema.index({ 'participants.district': 1 });
courseSchema.index({ districts: 1 });

export function courseModel(connection: Connection): Model<CourseRecord> {
  return connection.models['Course'] ?? connection.model<CourseRecord>('Course', courseSchema);
}
