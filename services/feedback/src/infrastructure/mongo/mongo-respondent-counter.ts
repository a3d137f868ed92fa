import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { RespondentCounter } from '../../application/ports';

/** Only keyed one-way tokens: without the key, a token names no one and no cell. */
interface CountedRespondentRecord {
  _id: string;
}

const countedRespondentSchema = new Schema<CountedRespondentRecord>(
  { _id: { type: String, required: true } },
  { collection: 'counted_respondents', ...closedSchemaOptions },
);

export function countedRespondentModel(connection: Connection): Model<CountedRespondentRecord> {
  return (
    connection.models['CountedRespondent'] ??
    connection.model<CountedRespondentRecord>('CountedRespondent', countedRespondentSchema)
  );
}

export class MongoRespondentCounter implements RespondentCounter {
  constructor(private readonly model: Model<CountedRespondentRecord>) {}

  async alreadyCounted(tokens: readonly string[]): Promise<Set<string>> {
    const found = await this.model
      .find({ _id: mongoose.trusted({ $in: [...tokens] }) })
      .lean<CountedRespondentRecord[]>()
      .exec();
    return new Set(found.map((record) => record._id));
  }

  async markCounted(tokens: readonly string[]): Promise<void> {
    try {
      await this.model.insertMany(
        tokens.map((token) => ({ _id: token })),
        { ordered: false },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
