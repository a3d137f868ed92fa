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
// What the retention pass deletes by (ADR 0032).
noticeSchema.index({ createdOn: 1 });

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

export interface SealRecord {
  /** The feedback item's id. */
  _id: string;
  /** Its author, sealed by the feedback service for this service alone (ADR 0030). */
  value: string;
  /** The month its retention counts from (YYYY-MM); absent on seals kept before it was recorded. */
  sealedIn?: string;
}

// No course beside the seal: with the notices of replies (a person, a course, a day) it would tell a
// reader of this database whose item a course's only sealed one is (application/personal-data.ts).
const sealSchema = new Schema<SealRecord>(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
    sealedIn: { type: String },
  },
  { collection: 'feedback_item_authors', ...closedSchemaOptions },
);
// What the retention pass deletes by, and finds the undated seals by.
sealSchema.index({ sealedIn: 1 });

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
// What the retention pass deletes sent and refused mails by (ADR 0032).
mailSchema.index({ state: 1, updatedOn: 1 });
// What a person's "Mes données" finds his mails by.
mailSchema.index({ recipient: 1 });

function modelOf<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

export interface NotificationModels {
  notices: Model<NoticeRecord>;
  preferences: Model<PreferencesRecord>;
  addresses: Model<ValueRecord>;
  authors: Model<SealRecord>;
  digest: Model<DigestRecord>;
  mails: Model<MailRecord>;
}

export function notificationModels(connection: Connection): NotificationModels {
  return {
    notices: modelOf(connection, 'Notice', noticeSchema),
    preferences: modelOf(connection, 'NotificationPreferences', preferencesSchema),
    addresses: modelOf(connection, 'NotificationAddress', valueSchema('notification_addresses')),
    authors: modelOf(connection, 'FeedbackItemAuthor', sealSchema),
    digest: modelOf(connection, 'NotificationDigestEntry', digestSchema),
    mails: modelOf(connection, 'QueuedMail', mailSchema),
  };
}
