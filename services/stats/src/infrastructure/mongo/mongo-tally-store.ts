import type { CountedFact, PartitionOf, TallyShard, TallyStore } from '../../application/ports';
import { VersionedCache } from '../../application/versioned-cache';
import {
  advancedShards,
  appliedFactIdOf,
  decodeCounters,
  factsNewToTheirShards,
  isRepublished,
  positionOf,
  shardIdOf,
  type AppliedFactRecord,
  type ShardRecord,
} from '../tally-shard';
import type { GenerationRecord, PartitionRecord, ReleaseRecord, TallyModels } from './tally-models';

export { tallyModels, type TallyModels } from './tally-models';

const ACTIVE = 'active';
/** MongoDB's duplicate key code, which FerretDB answers too. */
const DUPLICATE_KEY = 11000;
/** Partition heads looked up at once when listing a topic's partitions. */
const PARTITION_PROBE = 16;

const partitionIdOf = (generation: number, topic: string, partition: number) =>
  `${generation}/${topic}/${partition}`;
const partitionRecordOf = (generation: number, { topic, partition }: PartitionOf) => ({
  _id: partitionIdOf(generation, topic, partition),
  generation,
  topic,
  partition,
});

/**
 * Counters on FerretDB with nothing it lacks (ADR 0011): a run of facts is one unordered insert of
 * unique ids (atomic per id there) and one whole-document write of each shard it touches, which only
 * its partition's consumer writes. Every read is by `_id`, the one lookup FerretDB answers without
 * reading the whole collection. A handful of round trips per run, however long: that is what makes
 * ingestion fast (docs/design.md §8).
 */
export class MongoTallyStore implements TallyStore {
  /** Per generation and topic, how many partitions this process has seen registered. */
  private readonly registered = new Map<string, number>();
  /**
   * Decoded shards, kept while their partition's head has not moved: reading and decoding a 40 kB
   * shard is the costly part of a query on FerretDB (~2 ms each).
   */
  private readonly cache = new VersionedCache<TallyShard | null>(512);

  constructor(private readonly models: TallyModels) {}

  async activeGeneration(): Promise<number> {
    const record = await this.models.generations.findById(ACTIVE).lean<GenerationRecord>().exec();
    return record?.generation ?? 0;
  }

  async applyRun(
    generation: number,
    partition: PartitionOf,
    facts: readonly CountedFact[],
  ): Promise<boolean[]> {
    if (facts.length === 0) return [];
    const shardIds = [...new Set(facts.map((fact) => shardIdOf(generation, partition, fact.month)))];
    const stored = await Promise.all(
      shardIds.map((id) => this.models.shards.findById(id).lean<ShardRecord>().exec()),
    );
    const shards = new Map(stored.flatMap((shard) => (shard ? [[shard._id, shard] as const] : [])));
    const applied = await this.markApplied(
      generation,
      partition,
      factsNewToTheirShards(shards, generation, partition, facts),
    );
    const writes = advancedShards(shards, generation, partition, applied).map((shard) => ({
      replaceOne: { filter: { _id: shard._id }, replacement: shard, upsert: true },
    }));
    await this.registerPartition(generation, partition);
    if (writes.length > 0) await this.models.shards.bulkWrite(writes, { ordered: false });
    // After the shards, always (a redelivered run too): readers that cached them see the head move.
    await this.models.partitions
      .replaceOne(
        { _id: partitionIdOf(generation, partition.topic, partition.partition) },
        { ...partitionRecordOf(generation, partition), through: facts.at(-1)!.offset },
        { upsert: true },
      )
      .exec();
    const appliedFacts = new Set(applied);
    return facts.map((fact) => appliedFacts.has(fact));
  }

  async shards(generation: number, topic: string, months: readonly string[]): Promise<TallyShard[]> {
    const heads = await this.partitionHeads(generation, topic);
    const wanted = months.flatMap((month) =>
      heads.map((head, partition) => ({ id: shardIdOf(generation, { topic, partition }, month), head })),
    );
    const shards = await Promise.all(
      wanted.map(async ({ id, head }) => {
        const cached = this.cache.lookup(id, head);
        if (cached) return cached.value;
        const record = await this.models.shards.findById(id).lean<ShardRecord>().exec();
        const shard = record
          ? {
              topic: record.topic,
              partition: record.partition,
              month: record.month,
              counters: decodeCounters(record.counters),
            }
          : null;
        this.cache.store(id, head, shard);
        return shard;
      }),
    );
    return shards.filter((shard): shard is TallyShard => shard !== null);
  }

  async activate(generation: number): Promise<void> {
    await this.models.generations
      .replaceOne({ _id: ACTIVE }, { _id: ACTIVE, generation }, { upsert: true })
      .exec();
  }

  async drop(generation: number): Promise<void> {
    await this.models.shards.deleteMany({ generation }).exec();
    await this.models.appliedFacts.deleteMany({ generation }).exec();
    await this.models.partitions.deleteMany({ generation }).exec();
    for (const key of [...this.registered.keys()])
      if (key.startsWith(`${generation}/`)) this.registered.delete(key);
  }

  async release(id: string): Promise<string | undefined> {
    const record = await this.models.releases.findById(id).lean<ReleaseRecord>().exec();
    return record?.body;
  }

  async publish(id: string, body: string): Promise<string> {
    // An insert against a unique _id is the one atomic write FerretDB offers (ADR 0004): the first
    // publisher wins, a later one reads what was published.
    const duplicates = await this.insertNew(this.models.releases, [{ _id: id, body }]);
    if (duplicates.size === 0) return body;
    const stored = await this.release(id);
    if (stored === undefined) throw new Error(`release ${id} was refused as a duplicate but cannot be read`);
    return stored;
  }

  /** Registers partitions 0 to this one, so that the registered ones are always contiguous. */
  private async registerPartition(generation: number, { topic, partition }: PartitionOf): Promise<void> {
    const key = `${generation}/${topic}`;
    if ((this.registered.get(key) ?? 0) > partition) return;
    const records = Array.from({ length: partition + 1 }, (_, index) => ({
      ...partitionRecordOf(generation, { topic, partition: index }),
      through: -1,
    }));
    await this.insertNew(this.models.partitions, records);
    this.registered.set(key, partition + 1);
  }

  /** Each registered partition's head, in partition order: probed by id until one is missing. */
  private async partitionHeads(generation: number, topic: string): Promise<number[]> {
    const heads: number[] = [];
    for (let from = 0; ; from += PARTITION_PROBE) {
      const found = await Promise.all(
        Array.from({ length: PARTITION_PROBE }, (_, index) =>
          this.models.partitions
            .findById(partitionIdOf(generation, topic, from + index))
            .lean<PartitionRecord>()
            .exec(),
        ),
      );
      for (const record of found) {
        if (!record) return heads;
        heads.push(record.through);
      }
    }
  }

  /**
   * Marks the facts applied in one insert of unique ids. An id already marked at the same position is
   * a redelivery after a crash before the shard write: apply it again; marked elsewhere, it is the same
   * fact published twice: skip it.
   */
  private async markApplied(
    generation: number,
    partition: PartitionOf,
    facts: readonly CountedFact[],
  ): Promise<CountedFact[]> {
    if (facts.length === 0) return [];
    const markers = facts.map((fact) => ({
      _id: appliedFactIdOf(generation, fact.factId),
      generation,
      ...positionOf(partition, fact),
    }));
    const alreadyMarked = await this.insertNew(this.models.appliedFacts, markers);
    const earlier = await Promise.all(
      [...alreadyMarked].map((index) =>
        this.models.appliedFacts.findById(markers[index]!._id).lean<AppliedFactRecord>().exec(),
      ),
    );
    const byId = new Map(earlier.flatMap((marker) => (marker ? [[marker._id, marker] as const] : [])));
    return facts.filter((fact, index) => {
      if (!alreadyMarked.has(index)) return true;
      const marker = byId.get(markers[index]!._id);
      return marker !== undefined && !isRepublished(marker, positionOf(partition, fact));
    });
  }

  /** Inserts every document it can; answers the indexes of those whose id was already there. */
  private async insertNew<T>(
    model: { insertMany(docs: T[], options: { ordered: false; lean: true }): Promise<unknown> },
    documents: T[],
  ): Promise<Set<number>> {
    try {
      await model.insertMany(documents, { ordered: false, lean: true });
      return new Set();
    } catch (error) {
      const failures = writeErrorsOf(error);
      if (!failures || !failures.every((failure) => failure.code === DUPLICATE_KEY)) throw error;
      return new Set(failures.map((failure) => failure.index));
    }
  }
}

/**
 * The per-document errors of an unordered insert, if that is what failed: the driver's
 * MongoBulkWriteError, whose WriteErrors mongoose turns into plain `{ index, err: { code } }`.
 */
function writeErrorsOf(error: unknown): { index: number; code: number }[] | undefined {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error) || error.writeErrors == null)
    return undefined;
  const failures: unknown[] = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return failures.map((failure) => {
    const { index, code, err } = failure as { index?: unknown; code?: unknown; err?: { code?: unknown } };
    return { index: Number(index), code: Number(code ?? err?.code) };
  });
}
