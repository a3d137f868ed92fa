import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, revisionRecordDefinition, type RevisionRecordFields } from '@relais/store';
import { feedbackCategories, feedbackStatuses, type FeedbackItem } from '../../domain/feedback-item';

/**
 * One saved version of a feedback item, a record of its RevisionLog (ADR 0026), inserted once and
 * never rewritten by the store: the unique `_id` `<itemId>#<revision>` makes concurrent saves
 * conflict, and `outbox` holds the facts of that save (ADR 0002).
 *
 * A removed item is a last revision with `removed: true` and no content, not even its course,
 * carrying the facts still to publish.
 */
export interface FeedbackRevisionRecord
  extends Partial<Omit<FeedbackItem, 'id' | 'courseId'>>, RevisionRecordFields {
  itemId: string;
  courseId?: string;
}

const closed = { _id: false, ...closedSchemaOptions };
const replySchema = new Schema(
  {
    id: { type: String, required: true },
    by: { type: String, enum: ['trainer', 'author'], required: true },
    name: { type: String },
    message: { type: String, required: true },
    postedOn: { type: String, required: true },
  },
  closed,
);

const revisionSchema = new Schema<FeedbackRevisionRecord>(
  {
    ...revisionRecordDefinition,
    itemId: { type: String, required: true },
    courseId: { type: String },
    academy: { type: String },
    category: { type: String, enum: feedbackCategories },
    intensity: { type: Number },
    message: { type: String },
    visibility: { type: String, enum: ['named', 'anonymous'] },
    authorToken: { type: String },
    authorName: { type: String },
    status: { type: String, enum: feedbackStatuses },
    postedOn: { type: String },
    firstTrainerReplyOn: { type: String },
    replies: { type: [replySchema], default: undefined },
  },
  { collection: 'feedback_item_revisions', ...closedSchemaOptions },
);
revisionSchema.index({ itemId: 1, revision: -1 });
// A course's items (the trainer's inbox, an author's own), and the retention job's delete by course.
revisionSchema.index({ courseId: 1 });
// The retention job finds the notices a failing relay left pending past their month (ADR 0032).
revisionSchema.index({ 'outbox.envelope.occurredAt': 1 });

export function feedbackRevisionModel(connection: Connection): Model<FeedbackRevisionRecord> {
  return (
    connection.models['FeedbackRevision'] ??
    connection.model<FeedbackRevisionRecord>('FeedbackRevision', revisionSchema)
  );
}
