import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { FactPosition, TallyShard, TallyStore } from '../../application/ports';
import {
  appliedFactIdOf,
  isRepublished,
  shardIdOf,
  withIncrements,
  type AppliedFactRecord,
  type ShardRecord,
} from '../tally-shard';

/** Only counters named by month, academy, theme, category and band: nothing about a person (L11). */
const counterSchema = new Schema(
  { key: { type: String, required: true }, count: { type: Number, required: true } },
  { _id: false, ...closedSchemaOptions },
);

const shardSchema = new Schema<ShardRecord>(
  {
    _id: { type: String, required: true },
    generation: { type: Number, required: true },
    topic: { type: String, required: true },
    partition: { type: Number, required: true },
    month: { type: String, required: true },
    appliedThrough: { type: Number, required: true },
    counters: { type: [counterSchema], default: [] },
  },
  { collection: 'stats_tally_shards', ...closedSchemaOptions },
);
shardSchema.index({ generation: 1, topic: 1, month: 1 });

const appliedFactSchema = new Schema<AppliedFactRecord>(
  {
    _id: { type: String, required: true },
    generation: { type: Number, required: true },
    topic: { type: String, required: true },
    partition: { type: Number, required: true },
    offset: { type: Number, required: true },
  },
  { collection: 'stats_applied_facts', ...closedSchemaOptions },
);
appliedFactSchema.index({ generation: 1 });

interface GenerationRecord {
  _id: string;
  generation: number;
}
const generationSchema = new Schema<GenerationRecord>(
  { _id: { type: String, required: true }, generation: { type: Number, required: true } },
  { collection: 'stats_generations', ...closedSchemaOptions },
);

export interface TallyModels {
  shards: Model<ShardRecord>;
  appliedFacts: Model<AppliedFactRecord>;
  generations: Model<GenerationRecord>;
}

export function tallyModels(connection: Connection): TallyModels {
  const modelOf = <T>(name: string, schema: Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  return {
    shards: modelOf('StatsTallyShard', shardSchema),
    appliedFacts: modelOf('StatsAppliedFact', appliedFactSchema),
    generations: modelOf('StatsGeneration', generationSchema),
  };
}

const ACTIVE = 'active';

/**
 * Counters on FerretDB with nothing it lacks: each fact is one insert of a unique id (atomic there)
 * and one whole-document write of a shard that only its partition's consumer writes (ADR 0011).
 */
export class MongoTallyStore implements TallyStore {
  constructor(private readonly models: TallyModels) {}

  async activeGeneration(): Promise<number> {
    const record = await this.models.generations.findById(ACTIVE).lean<GenerationRecord>().exec();
    return record?.generation ?? 0;
  }

  async apply(
    generation: number,
    position: FactPosition,
    month: string,
    factId: string,
    increments: readonly string[],
  ): Promise<boolean> {
    const id = shardIdOf(generation, position, month);
    const shard = await this.models.shards.findById(id).lean<ShardRecord>().exec();
    if (shard && position.offset <= shard.appliedThrough) return false;
    if (!(await this.mark(generation, position, factId))) return false;
    const next: ShardRecord = {
      _id: id,
      generation,
      topic: position.topic,
      partition: position.partition,
      month,
      appliedThrough: position.offset,
      counters: withIncrements(shard?.counters ?? [], increments),
    };
    await this.models.shards.replaceOne({ _id: id }, next, { upsert: true }).exec();
    return true;
  }

  async shards(generation: number, topic: string, months: readonly string[]): Promise<TallyShard[]> {
    const records = await this.models.shards
      .find({ generation, topic, month: mongoose.trusted({ $in: [...months] }) })
      .lean<ShardRecord[]>()
      .exec();
    return records.map((shard) => ({
      topic: shard.topic,
      partition: shard.partition,
      month: shard.month,
      counters: new Map(shard.counters.map(({ key, count }) => [key, count])),
    }));
  }

  async activate(generation: number): Promise<void> {
    await this.models.generations
      .replaceOne({ _id: ACTIVE }, { _id: ACTIVE, generation }, { upsert: true })
      .exec();
  }

  async drop(generation: number): Promise<void> {
    await this.models.shards.deleteMany({ generation }).exec();
    await this.models.appliedFacts.deleteMany({ generation }).exec();
  }

  /** false when the fact id was already applied from another position (published twice). */
  private async mark(generation: number, position: FactPosition, factId: string): Promise<boolean> {
    const markerId = appliedFactIdOf(generation, factId);
    try {
      await this.models.appliedFacts.create({ _id: markerId, generation, ...position });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const marker = await this.models.appliedFacts.findById(markerId).lean<AppliedFactRecord>().exec();
      return marker !== null && !isRepublished(marker, position);
    }
  }
}
