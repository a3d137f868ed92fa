import { Schema, type Connection, type Model, type SchemaDefinitionProperty } from 'mongoose';
import { closedSchemaOptions } from '@relais/store';
import type { PendingEvent } from '@relais/contracts';
import { feedbackCategories, feedbackStatuses, type FeedbackItem } from '../../domain/feedback-item';

/**
 * One saved version of a feedback item, inserted once and never rewritten by the store: the unique
 * `_id` `<itemId>#<revision>` makes concurrent saves conflict (the one write FerretDB makes atomic is
 * an insert against a unique key, ADR 0004), and `outbox` holds the facts of that save (DESIGN §4).
 *
 * A removed item is a last revision with `removed: true` and no content, carrying the facts still to
 * publish. `_id`s are strings, never ObjectIds: an ObjectId holds its creation time, which would
 * order anonymous items by when they were written.
 */
export interface FeedbackRevisionRecord extends Partial<Omit<FeedbackItem, 'id' | 'courseId'>> {
  _id: string;
  itemId: string;
  courseId: string;
  revision: number;
  removed: boolean;
  outbox: PendingEvent[];
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
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    courseId: { type: String, required: true },
    revision: { type: Number, required: true },
    removed: { type: Boolean, required: true },
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
    outbox: { type: [Schema.Types.Mixed], default: [] } as SchemaDefinitionProperty<PendingEvent[]>,
  },
  { collection: 'feedback_item_revisions', ...closedSchemaOptions },
);
revisionSchema.index({ itemId: 1, revision: -1 });
revisionSchema.index({ courseId: 1 });

export const revisionIdOf = (itemId: string, revision: number): string =>
  `${itemId}#${String(revision).padStart(9, '0')}`;

export function feedbackRevisionModel(connection: Connection): Model<FeedbackRevisionRecord> {
  return (
    connection.models['FeedbackRevision'] ??
    connection.model<FeedbackRevisionRecord>('FeedbackRevision', revisionSchema)
  );
}
