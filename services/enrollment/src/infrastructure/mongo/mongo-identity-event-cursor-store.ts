import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type {
  IdentityEventCursor,
  IdentityEventCursorStore,
  StoredIdentityEventCursor,
} from '../identity/identity-event-cursor-store';

/** One cursor per name (the Keycloak realm it follows): a handful of documents, ever. */
export interface IdentityEventCursorRecord extends StoredIdentityEventCursor {
  _id: string;
}

const closed = { _id: false, ...closedSchemaOptions };
const handledEventSchema = new Schema(
  { id: { type: String, required: true }, time: { type: Number, required: true } },
  closed,
);
const identityEventCursorSchema = new Schema<IdentityEventCursorRecord>(
  {
    _id: { type: String, required: true },
    time: { type: Number, required: true },
    handled: { type: [handledEventSchema], default: [] },
    revision: { type: Number, required: true },
  },
  { collection: 'identity_event_cursor', ...closedSchemaOptions },
);

export function identityEventCursorModel(connection: Connection): Model<IdentityEventCursorRecord> {
  return (
    connection.models['IdentityEventCursor'] ??
    connection.model<IdentityEventCursorRecord>('IdentityEventCursor', identityEventCursorSchema)
  );
}

/**
 * The cursor in enrollment's database. The first save inserts (of two processes, the unique `_id`
 * lets one win); later saves update only the revision they read, so a process that fell behind
 * cannot move the cursor back.
 */
export class MongoIdentityEventCursorStore implements IdentityEventCursorStore {
  constructor(private readonly model: Model<IdentityEventCursorRecord>) {}

  async read(name: string): Promise<StoredIdentityEventCursor | undefined> {
    const record = await this.model.findById(name).lean().exec();
    if (!record) return undefined;
    return {
      time: record.time,
      handled: record.handled.map(({ id, time }) => ({ id, time })),
      revision: record.revision,
    };
  }

  async save(name: string, next: IdentityEventCursor, previous: number | undefined): Promise<boolean> {
    const fields = { time: next.time, handled: next.handled.map(({ id, time }) => ({ id, time })) };
    if (previous === undefined) {
      try {
        await this.model.create({ _id: name, ...fields, revision: 1 });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    const result = await this.model
      .updateOne({ _id: name, revision: previous }, { $set: { ...fields, revision: previous + 1 } })
      .exec();
    return result.matchedCount === 1;
  }
}
