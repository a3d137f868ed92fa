import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, revisionRecordDefinition, type RevisionRecordFields } from '@relais/store';

/** What an attestation states, fixed at completion (ADR 0031). */
export interface AttestationState {
  code: string;
  teacherName: string;
  courseTitle: string;
  academy: string;
  creditedHours: number;
  completedOn: string;
  trainerNames: string[];
}

/** A course's state as stored in each of its revisions. */
export interface CourseState {
  academy: string;
  title: string;
  description: string;
  themes: string[];
  predictedHours: number;
  trainers: { userId: string; name: string }[];
  districts: string[];
  capacity?: number;
  /** The planned closing day, YYYY-MM-DD; absent when none is planned. */
  closesOn?: string;
  status: 'open' | 'closed';
  /** The day the course was closed, YYYY-MM-DD; absent while open and in courses closed before it existed. */
  closedOn?: string;
  /** The day its training record was anonymised (ADR 0032); absent otherwise. */
  recordAnonymisedOn?: string;
  participants: {
    userId: string;
    name: string;
    school?: string;
    district?: string;
    status: 'enrolled' | 'completed';
    creditedHours?: number;
    /** Absent before attestations existed, and for participants not completed. */
    attestation?: AttestationState;
  }[];
  /** Absent in revisions saved before withdrawal after completion existed. */
  formerParticipants?: {
    userId: string;
    name: string;
    school?: string;
    district?: string;
    creditedHours: number;
    attestation?: AttestationState;
  }[];
}

/**
 * One saved version of a course, a record of its RevisionLog (ADR 0026), inserted once and never
 * rewritten by the repository: the unique `_id` `<courseId>#<revision>` makes concurrent saves
 * conflict, and its `outbox` holds the events of that save (ADR 0002). Queries read these records
 * too: every course's latest revision is among them.
 */
export interface CourseRevisionRecord extends CourseState, RevisionRecordFields {
  courseId: string;
}

const closed = { _id: false, ...closedSchemaOptions };
const attestationSchema = new Schema(
  {
    code: { type: String, required: true },
    teacherName: { type: String, required: true },
    courseTitle: { type: String, required: true },
    academy: { type: String, required: true },
    creditedHours: { type: Number, required: true },
    completedOn: { type: String, required: true },
    trainerNames: { type: [String], default: [] },
  },
  closed,
);
const courseStateDefinition = {
  academy: { type: String, required: true },
  title: { type: String, required: true },
  description: { type: String, default: '' },
  themes: { type: [String], default: [] },
  predictedHours: { type: Number, required: true },
  trainers: { type: [new Schema({ userId: String, name: String }, closed)], default: [] },
  districts: { type: [String], default: [] },
  capacity: { type: Number },
  closesOn: { type: String },
  status: { type: String, enum: ['open', 'closed'], required: true },
  closedOn: { type: String },
  recordAnonymisedOn: { type: String },
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
          attestation: { type: attestationSchema },
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
          attestation: { type: attestationSchema },
        },
        closed,
      ),
    ],
    default: [],
  },
};

const revisionSchema = new Schema<CourseRevisionRecord>(
  {
    ...revisionRecordDefinition,
    courseId: { type: String, required: true },
    ...courseStateDefinition,
  },
  { collection: 'course_revisions', ...closedSchemaOptions },
);
revisionSchema.index({ courseId: 1, revision: -1 });
revisionSchema.index({ academy: 1, status: 1 });
revisionSchema.index({ 'trainers.userId': 1 });
revisionSchema.index({ 'participants.userId': 1 });
revisionSchema.index({ 'participants.district': 1 });
revisionSchema.index({ 'formerParticipants.userId': 1 });
revisionSchema.index({ 'formerParticipants.district': 1 });
revisionSchema.index({ districts: 1 });
// The public verification page looks attestations up by code.
revisionSchema.index({ 'participants.attestation.code': 1 });
revisionSchema.index({ 'formerParticipants.attestation.code': 1 });
// "What Relais holds about me" finds the pending events that name a person (GET /me/data).
revisionSchema.index({ 'outbox.envelope.data.userId': 1 });
revisionSchema.index({ 'outbox.envelope.data.trainers.userId': 1 });
// The retention job (ADR 0032): closed courses whose record still names people, by closing day, so
// that a pass reads the courses it has work on and not every course it already anonymised.
revisionSchema.index({ status: 1, recordAnonymisedOn: 1, closedOn: 1 });
// ...and the pending events waiting since before a day, which a failing relay would leave behind.
revisionSchema.index({ 'outbox.envelope.occurredAt': 1 });

export function courseRevisionModel(connection: Connection): Model<CourseRevisionRecord> {
  return (
    connection.models['CourseRevision'] ??
    connection.model<CourseRevisionRecord>('CourseRevision', revisionSchema)
  );
}

/**
 * Courses were once copied to a `courses` collection for queries; queries now read the revisions
 * (ADR 0026). The last copy of each course, withdrawn teachers included, must not outlive that (L1).
 */
export async function dropFormerCourseProjection(connection: Connection): Promise<void> {
  const former = await connection.db?.listCollections({ name: 'courses' }, { nameOnly: true }).toArray();
  if (former && former.length > 0) await connection.dropCollection('courses');
}
