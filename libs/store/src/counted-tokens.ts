import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from './apply-once';
import { closedSchemaOptions } from './schema-options';

/**
 * A set of keyed one-way tokens ("this teacher was already counted in this cell"), for facts that
 * count distinct people without naming them (ADR 0005). A token is a document id and nothing else:
 * inserting is idempotent and atomic on MongoDB and FerretDB alike.
 */
export interface CountedTokens {
  alreadyCounted(tokens: readonly string[]): Promise<Set<string>>;
  markCounted(tokens: readonly string[]): Promise<void>;
}

export interface CountedTokenRecord {
  _id: string;
}

export function countedTokensModel(
  connection: Connection,
  modelName: string,
  collection: string,
): Model<CountedTokenRecord> {
  return (
    connection.models[modelName] ??
    connection.model<CountedTokenRecord>(
      modelName,
      new Schema<CountedTokenRecord>(
        { _id: { type: String, required: true } },
        { collection, ...closedSchemaOptions },
      ),
    )
  );
}

export class MongoCountedTokens implements CountedTokens {
  constructor(private readonly model: Model<CountedTokenRecord>) {}

  async alreadyCounted(tokens: readonly string[]): Promise<Set<string>> {
    const found = await this.model
      .find({ _id: mongoose.trusted({ $in: [...tokens] }) })
      .lean<CountedTokenRecord[]>()
      .exec();
    return new Set(found.map((record) => record._id));
  }

  async markCounted(tokens: readonly string[]): Promise<void> {
    if (tokens.length === 0) return;
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

export class InMemoryCountedTokens implements CountedTokens {
  private readonly counted = new Set<string>();

  async alreadyCounted(tokens: readonly string[]): Promise<Set<string>> {
    return new Set(tokens.filter((token) => this.counted.has(token)));
  }

  async markCounted(tokens: readonly string[]): Promise<void> {
    for (const token of tokens) this.counted.add(token);
  }
}
