import mongoose, { Schema, type Connection, type Model, type SchemaDefinitionProperty } from 'mongoose';
import type { PendingEvent } from '@relais/bus';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { Message } from '../../domain/message';
import type { HeldMessage, MessageStore } from '../../application/ports';
import { summaryOf } from '../pending-event-summary';
import { batchesOf, dropNoticesPendingBefore } from './mongo-retention';

type MessageRecord = Omit<Message, 'id'> & { _id: string; sequence: number; outbox: PendingEvent[] };

const messageSchema = new Schema<MessageRecord>(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    fromUserId: { type: String, required: true },
    fromName: { type: String, required: true },
    toUserId: { type: String, required: true },
    toName: { type: String, required: true },
    text: { type: String, required: true },
    sentOn: { type: String, required: true },
    // Orders a conversation without recording a time of day (a counter, not a clock).
    sequence: { type: Number, required: true },
    // The events of the sending until the relay has published them (ADR 0002); MongoOutboxStore reads it.
    outbox: { type: [Schema.Types.Mixed], default: [] } as SchemaDefinitionProperty<PendingEvent[]>,
  },
  { collection: 'messages', ...closedSchemaOptions },
);
messageSchema.index({ fromUserId: 1, sequence: -1 });
messageSchema.index({ toUserId: 1, sequence: -1 });
// The retention job deletes the messages of a course 12 months after it closed (ADR 0032)...
messageSchema.index({ courseId: 1 });
// ...and the notices of a sending a failing relay left pending past their month.
messageSchema.index({ 'outbox.envelope.occurredAt': 1 });

export function messageModel(connection: Connection): Model<MessageRecord> {
  return connection.models['Message'] ?? connection.model<MessageRecord>('Message', messageSchema);
}

interface CounterRecord {
  _id: string;
  value: number;
}

const counterSchema = new Schema<CounterRecord>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'counters', ...closedSchemaOptions },
);

export function counterModel(connection: Connection): Model<CounterRecord> {
  return connection.models['Counter'] ?? connection.model<CounterRecord>('Counter', counterSchema);
}

export class MongoMessageStore implements MessageStore {
  constructor(
    private readonly model: Model<MessageRecord>,
    private readonly counters: Model<CounterRecord>,
  ) {}

  async add(message: Message, events: readonly PendingEvent[]): Promise<void> {
    const { id, ...fields } = message;
    await this.model.create({
      _id: id,
      ...fields,
      sequence: await this.nextSequence(),
      outbox: [...events],
    });
  }

  /**
   * Orders messages only: two first messages racing to create the counter collide on its id (the
   * loser increments the one that now exists), and FerretDB may give two messages the same number,
   * which only ties their order.
   */
  private async nextSequence(): Promise<number> {
    const increment = () =>
      this.counters
        .findOneAndUpdate({ _id: 'messages' }, { $inc: { value: 1 } }, { upsert: true, new: true })
        .lean<CounterRecord>()
        .exec();
    try {
      return (await increment())?.value ?? 0;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await increment())?.value ?? 0;
    }
  }

  async involving(userId: string): Promise<Message[]> {
    const records = await this.model
      .find({ $or: [{ fromUserId: userId }, { toUserId: userId }] }, { outbox: 0 })
      .sort({ sequence: -1 })
      .limit(500)
      .lean<MessageRecord[]>()
      .exec();
    return records.map(messageOf);
  }

  async heldAbout(userId: string): Promise<HeldMessage[]> {
    // Both ids are indexed: the person's messages are found without reading anyone else's.
    const records = await this.model
      .find({ $or: [{ fromUserId: userId }, { toUserId: userId }] })
      .sort({ sequence: -1 })
      .lean<MessageRecord[]>()
      .exec();
    return records.map((record) => ({
      message: messageOf(record),
      pendingEvents: (record.outbox ?? []).map(summaryOf),
    }));
  }

  async forgetCourses(courseIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const batch of batchesOf(courseIds)) {
      const result = await this.model.deleteMany({ courseId: mongoose.trusted({ $in: batch }) }).exec();
      deleted += result.deletedCount;
    }
    return deleted;
  }

  dropNoticesPendingBefore(day: string): Promise<number> {
    return dropNoticesPendingBefore(this.model, day);
  }

  async forgetPerson(userId: string): Promise<number> {
    // Both ids are indexed; the pending notice of a sending leaves with its message.
    const result = await this.model
      .deleteMany({ $or: [{ fromUserId: userId }, { toUserId: userId }] })
      .exec();
    return result.deletedCount;
  }
}

function messageOf({
  _id,
  courseId,
  fromUserId,
  fromName,
  toUserId,
  toName,
  text,
  sentOn,
}: MessageRecord): Message {
  return { id: _id, courseId, fromUserId, fromName, toUserId, toName, text, sentOn };
}
