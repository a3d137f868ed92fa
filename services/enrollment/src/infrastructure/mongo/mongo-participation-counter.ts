import { Schema, type Connection, type Model } from 'mongoose';
import mongoose from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { ParticipationCounter } from '../../application/ports';

/** Only keyed one-way tokens: without the counting key, a token names no one and no cell. */
interface CountedCellRecord {
  _id: string;
}

const countedCellSchema = new Schema<CountedCellRecord>(
  { _id: { type: String, required: true } },
  { collection: 'counted_cells', ...closedSchemaOptions },
);

export function countedCellModel(connection: Connection): Model<CountedCellRecord> {
  return (
    connection.models['CountedCell'] ?? connection.model<CountedCellRecord>('CountedCell', countedCellSchema)
  );
}

export class MongoParticipationCounter implements ParticipationCounter {
  constructor(private readonly model: Model<CountedCellRecord>) {}

  async alreadyCounted(cellTokens: readonly string[]): Promise<Set<string>> {
    const found = await this.model
      .find({ _id: mongoose.trusted({ $in: [...cellTokens] }) })
      .lean<CountedCellRecord[]>()
      .exec();
    return new Set(found.map((record) => record._id));
  }

  async markCounted(cellTokens: readonly string[]): Promise<void> {
    try {
      await this.model.insertMany(
        cellTokens.map((token) => ({ _id: token })),
        { ordered: false },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
