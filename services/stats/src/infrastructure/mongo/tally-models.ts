import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions } from '@relais/store';
import type { AppliedFactRecord, ShardRecord } from '../tally-shard';

const shardSchema = new Schema<ShardRecord>(
  {
    _id: { type: String, required: true },
    generation: { type: Number, required: true },
    topic: { type: String, required: true },
    partition: { type: Number, required: true },
    month: { type: String, required: true },
    appliedThrough: { type: Number, required: true },
    /** Only counters named by month, academy, theme, category and band: nothing about a person (L11). */
    counters: { type: String, required: true },
  },
  { collection: 'stats_tally_shards', ...closedSchemaOptions },
);
shardSchema.index({ generation: 1 });

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

/**
 * One per partition of a topic in a generation: where its consumer got to. FerretDB answers only
 * `_id` equality without reading the whole collection (measured: 280 ms to find 6 shards among 432 by
 * month, 4 ms by id), so a query finds its shards by id, months × partitions, and partitions are
 * registered from 0 up, so they are contiguous. `through` moves after every run: a reader that cached
 * a partition's shards knows from it whether they changed.
 */
export interface PartitionRecord {
  _id: string;
  generation: number;
  topic: string;
  partition: number;
  /** The last offset of the last run written on this partition; -1 before any. */
  through: number;
}
const partitionSchema = new Schema<PartitionRecord>(
  {
    _id: { type: String, required: true },
    generation: { type: Number, required: true },
    topic: { type: String, required: true },
    partition: { type: Number, required: true },
    through: { type: Number, required: true },
  },
  { collection: 'stats_tally_partitions', ...closedSchemaOptions },
);

export interface GenerationRecord {
  _id: string;
  generation: number;
}
const generationSchema = new Schema<GenerationRecord>(
  { _id: { type: String, required: true }, generation: { type: Number, required: true } },
  { collection: 'stats_generations', ...closedSchemaOptions },
);

/** A published release, frozen (ADR 0014): only published values and reasons for hidden ones. */
export interface ReleaseRecord {
  _id: string;
  body: string;
}
const releaseSchema = new Schema<ReleaseRecord>(
  { _id: { type: String, required: true }, body: { type: String, required: true } },
  { collection: 'stats_releases', ...closedSchemaOptions },
);

export interface TallyModels {
  shards: Model<ShardRecord>;
  appliedFacts: Model<AppliedFactRecord>;
  partitions: Model<PartitionRecord>;
  generations: Model<GenerationRecord>;
  releases: Model<ReleaseRecord>;
}

export function tallyModels(connection: Connection): TallyModels {
  const modelOf = <T>(name: string, schema: Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  return {
    shards: modelOf('StatsTallyShard', shardSchema),
    appliedFacts: modelOf('StatsAppliedFact', appliedFactSchema),
    partitions: modelOf('StatsTallyPartition', partitionSchema),
    generations: modelOf('StatsGeneration', generationSchema),
    releases: modelOf('StatsRelease', releaseSchema),
  };
}
