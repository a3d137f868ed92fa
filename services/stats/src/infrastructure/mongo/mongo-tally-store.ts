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
/**
 * Whole-document writes per update command. FerretDB's time per update grows with the command's
 * length (measured: 60 replaces in 0.3 s, 90 in 0.9 s, 100 stalled past 20 s) while the round trip
 * itself costs a few milliseconds: short commands one after the other.
 */
const UPDATES_PER_COMMAND = 32;
/** Markers per insert command: 2,000 took 0.2 s, 5,000 over 1 s on FerretDB. */
const MARKERS_PER_INSERT = 2_000;

/** A run waiting for its group's write, with its caller's promise. */
interface Run {
  generation: number;
  partition: PartitionOf;
  facts: readonly CountedFact[];
  resolve(applied: boolean[]): void;
  reject(error: unknown): void;
}

/** Each fact's marker, and those whose id was there already. */
interface Marking {
  markers: Map<CountedFact, AppliedFactRecord>;
  alreadyMarked: Set<AppliedFactRecord>;
}

/** The waiting runs of distinct partitions, taken off the queue in arrival order. */
function takeGroup(waiting: Run[]): Run[] {
  const partitions = new Set<string>();
  const group: Run[] = [];
  for (let index = 0; index < waiting.length;) {
    const run = waiting[index]!;
    const key = partitionIdOf(run.generation, run.partition.topic, run.partition.partition);
    if (partitions.has(key)) {
      index += 1;
      continue;
    }
    partitions.add(key);
    group.push(run);
    waiting.splice(index, 1);
  }
  return group;
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

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
  /** Runs handed over and not yet written, and the loop writing them, while there are any. */
  private readonly waiting: Run[] = [];
  private writing: Promise<void> | undefined;

  constructor(private readonly models: TallyModels) {}

  async activeGeneration(): Promise<number> {
    const record = await this.models.generations.findById(ACTIVE).lean<GenerationRecord>().exec();
    return record?.generation ?? 0;
  }

  /**
   * Runs of different partitions asked at the same time (the consumers hand several partitions over
   * at once) are written together, one group at a time: a handful of round trips for the whole group
   * instead of per run, and never two writes at once (FerretDB stalls past the driver's timeout when
   * concurrent update commands pile up, ADR 0012). A group takes one run per partition; a second run
   * of a partition waits for the next group.
   */
  applyRun(generation: number, partition: PartitionOf, facts: readonly CountedFact[]): Promise<boolean[]> {
    if (facts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ generation, partition, facts, resolve, reject });
      this.writing ??= this.writeGroups();
    });
  }

  private async writeGroups(): Promise<void> {
    // One turn of the event loop, so that runs handed over at the same moment join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.waiting.length > 0) {
      const group = takeGroup(this.waiting);
      try {
        const applied = await this.applyGroup(group);
        group.forEach((run, index) => run.resolve(applied[index]!));
      } catch (error) {
        for (const run of group) run.reject(error);
      }
    }
    this.writing = undefined;
  }

  /**
   * Exactly once without transactions (ADR 0011): every fact's marker is inserted while the shards are
   * read (a fact its shard has applied is marked already: its insert changes nothing), then the shards
   * are written, then the partitions' heads.
   */
  private async applyGroup(group: readonly Run[]): Promise<boolean[][]> {
    const shardIds = [
      ...new Set(
        group.flatMap(({ generation, partition, facts }) =>
          facts.map((fact) => shardIdOf(generation, partition, fact.month)),
        ),
      ),
    ];
    const [stored, marking] = await Promise.all([
      Promise.all(shardIds.map((id) => this.models.shards.findById(id).lean<ShardRecord>().exec())),
      this.mark(group),
    ]);
    const shards = new Map(stored.flatMap((shard) => (shard ? [[shard._id, shard] as const] : [])));
    const applied = await this.appliedOnce(
      marking,
      group.map(({ generation, partition, facts }) =>
        factsNewToTheirShards(shards, generation, partition, facts),
      ),
    );
    // A $set with upsert rather than a replacement: FerretDB takes a third of the time (measured: 6
    // shards of 11 kB in a median 23 ms against 69 ms for replaceOne with upsert). The same whole write.
    const writes = group.flatMap(({ generation, partition }, index) =>
      advancedShards(shards, generation, partition, applied[index]!).map(
        ({ _id, appliedThrough, counters, ...identity }) => ({
          updateOne: {
            filter: { _id },
            update: { $set: { appliedThrough, counters }, $setOnInsert: identity },
            upsert: true,
          },
        }),
      ),
    );
    for (const { generation, partition } of group) await this.registerPartition(generation, partition);
    for (const chunk of chunksOf(writes, UPDATES_PER_COMMAND))
      await this.models.shards.bulkWrite(chunk, { ordered: false });
    // After the shards, always (a redelivered run too): readers that cached them see the head move.
    const heads = group.map(({ generation, partition, facts }) => {
      const { _id, ...identity } = partitionRecordOf(generation, partition);
      return {
        updateOne: {
          filter: { _id },
          update: { $set: { through: facts.at(-1)!.offset }, $setOnInsert: identity },
          upsert: true,
        },
      };
    });
    for (const chunk of chunksOf(heads, UPDATES_PER_COMMAND))
      await this.models.partitions.bulkWrite(chunk, { ordered: false });
    return group.map(({ facts }, index) => {
      const appliedFacts = new Set(applied[index]);
      return facts.map((fact) => appliedFacts.has(fact));
    });
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

  /** Inserts a marker per fact of the group, in unique ids; tells which ids were marked already. */
  private async mark(group: readonly Run[]): Promise<Marking> {
    const markers = new Map<CountedFact, AppliedFactRecord>();
    for (const { generation, partition, facts } of group)
      for (const fact of facts)
        markers.set(fact, {
          _id: appliedFactIdOf(generation, fact.factId),
          generation,
          ...positionOf(partition, fact),
        });
    const documents = [...markers.values()];
    const alreadyMarked = new Set<AppliedFactRecord>();
    for (const chunk of chunksOf(documents, MARKERS_PER_INSERT))
      for (const index of await this.insertNew(this.models.appliedFacts, chunk))
        alreadyMarked.add(chunk[index]!);
    return { markers, alreadyMarked };
  }

  /**
   * Of the facts new to their shards, per run, those to apply. A fact whose id was marked already at
   * the same position is a redelivery after a crash before the shard write: apply it again; marked
   * elsewhere (another copy in the group included), it is the same fact published twice: skip it.
   */
  private async appliedOnce(
    { markers, alreadyMarked }: Marking,
    newFacts: readonly CountedFact[][],
  ): Promise<CountedFact[][]> {
    const toCheck = newFacts.flat().filter((fact) => alreadyMarked.has(markers.get(fact)!));
    const earlier = await Promise.all(
      toCheck.map((fact) =>
        this.models.appliedFacts.findById(markers.get(fact)!._id).lean<AppliedFactRecord>().exec(),
      ),
    );
    const byId = new Map(earlier.flatMap((marker) => (marker ? [[marker._id, marker] as const] : [])));
    return newFacts.map((facts) =>
      facts.filter((fact) => {
        const marker = markers.get(fact)!;
        if (!alreadyMarked.has(marker)) return true;
        const found = byId.get(marker._id);
        return found !== undefined && !isRepublished(found, marker);
      }),
    );
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
