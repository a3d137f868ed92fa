import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions } from '@relais/store';
import { deliveries, noticeKinds } from '../../domain/notice';

const closed = { _id: false, ...closedSchemaOptions };

/** The facts of a notice: a kind, a course, a count or status; never a text or an author. */
const factsFields = {
  kind: { type: String, enum: noticeKinds, required: true },
  courseId: { type: String, required: true },
  courseTitle: { type: String, default: '' },
  count: { type: Number },
  status: { type: String, enum: ['acknowledged', 'addressed'] },
  closesOn: { type: String },
};

export interface NoticeRecord {
  _id: string;
  recipient: string;
  kind: string;
  courseId: string;
  courseTitle: string;
  count?: number;
  status?: string;
  closesOn?: string;
  createdOn: string;
  read: boolean;
}

const noticeSchema = new Schema<NoticeRecord>(
  {
    _id: { type: String, required: true },
    recipient: { type: String, required: true },
    ...factsFields,
    createdOn: { type: String, required: true },
    read: { type: Boolean, required: true },
  },
  { collection: 'notices', ...closedSchemaOptions },
);
noticeSchema.index({ recipient: 1, createdOn: -1 });

export interface PreferencesRecord {
  _id: string;
  kinds: Record<string, string>;
}

const preferencesSchema = new Schema<PreferencesRecord>(
  {
    _id: { type: String, required: true },
    kinds: new Schema(
      Object.fromEntries(noticeKinds.map((kind) => [kind, { type: String, enum: deliveries }])),
      closed,
    ),
  },
  { collection: 'notification_preferences', ...closedSchemaOptions },
);

export interface ValueRecord {
  _id: string;
  value: string;
}

const valueSchema = (collection: string) =>
  new Schema<ValueRecord>(
    { _id: { type: String, required: true }, value: { type: String, required: true } },
    { collection, ...closedSchemaOptions },
  );

export interface DigestRecord {
  _id: string;
  recipient: string;
  day: string;
  facts: Omit<NoticeRecord, '_id' | 'recipient' | 'createdOn' | 'read'>;
  withNotice: boolean;
}

const digestSchema = new Schema<DigestRecord>(
  {
    _id: { type: String, required: true },
    recipient: { type: String, required: true },
    day: { type: String, required: true },
    facts: new Schema(factsFields, closed),
    withNotice: { type: Boolean, required: true },
  },
  { collection: 'notification_digest', ...closedSchemaOptions },
);
digestSchema.index({ day: 1 });
// What a person's "Mes données" finds his entries by.
digestSchema.index({ recipient: 1 });

export interface MailRecord {
  _id: string;
  recipient: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  state: 'pending' | 'sent' | 'undeliverable';
  attempts: number;
  nextAttemptAt: Date;
  updatedOn: string;
}

const mailSchema = new Schema<MailRecord>(
  {
    _id: { type: String, required: true },
    recipient: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    unsubscribeUrl: { type: String, required: true },
    state: { type: String, enum: ['pending', 'sent', 'undeliverable'], required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    updatedOn: { type: String, required: true },
  },
  { collection: 'mail_queue', ...closedSchemaOptions },
);
mailSchema.index({ state: 1, nextAttemptAt: 1 });
// What a person's "Mes données" finds his mails by.
mailSchema.index({ recipient: 1 });

function modelOf<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

export interface NotificationModels {
  notices: Model<NoticeRecord>;
  preferences: Model<PreferencesRecord>;
  addresses: Model<ValueRecord>;
  authors: Model<ValueRecord>;
  digest: Model<DigestRecord>;
  mails: Model<MailRecord>;
}

export function notificationModels(connection: Connection): NotificationModels {
  return {
    notices: modelOf(connection, 'Notice', noticeSchema),
    preferences: modelOf(connection, 'NotificationPreferences', preferencesSchema),
    addresses: modelOf(connection, 'NotificationAddress', valueSchema('notification_addresses')),
    authors: modelOf(connection, 'FeedbackItemAuthor', valueSchema('feedback_item_authors')),
    digest: modelOf(connection, 'NotificationDigestEntry', digestSchema),
    mails: modelOf(connection, 'QueuedMail', mailSchema),
  };
}
