import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type mongoose from 'mongoose';
import { connectMongo, ensureIndexes } from '@relais/store';
import {
  FactIngestion,
  liveFactsTopics,
  MongoTallyStore,
  StatsQueries,
  tallyModels,
  type CountedFact,
  type PartitionOf,
  type ReadFact,
  type TallyShard,
  type TallyStore,
} from '@relais/stats';
import { benchMonths, SyntheticFacts } from '../lib/synthetic-facts';
import { percentile, sortedCopy, type Figure, type Scenario, type TargetCheck } from '../lib/types';

const PARTITIONS = 6;
const RUN_LENGTH = 500;
const months = benchMonths.slice(12, 24);
/** A clock after the last bench month's publication: every month asked for is published. */
const calendar = { settlingDays: 7, now: () => new Date('2027-06-01') };

interface Shard {
  topic: string;
  partition: number;
  month: string;
  through: number;
  counters: Map<string, number>;
}

/**
 * The bulk generator: facts go through Relais's own ingestion (FactIngestion turns each into the
 * counters it raises) into shards held in memory, written once at the end. The database then holds
 * exactly the shards and partition heads that ingesting them one run at a time would leave; the
 * per-fact markers are not written, since no query reads them (they guard ingestion against
 * duplicates).
 */
class BulkTallyStore implements TallyStore {
  readonly shardsById = new Map<string, Shard>();

  activeGeneration = async () => 0;

  async applyRun(
    generation: number,
    partition: PartitionOf,
    facts: readonly CountedFact[],
  ): Promise<boolean[]> {
    for (const fact of facts) {
      const id = [generation, partition.topic, partition.partition, fact.month].join('/');
      let shard = this.shardsById.get(id);
      if (!shard) {
        shard = { ...partition, month: fact.month, through: -1, counters: new Map() };
        this.shardsById.set(id, shard);
      }
      shard.through = Math.max(shard.through, fact.offset);
      for (const key of fact.increments) shard.counters.set(key, (shard.counters.get(key) ?? 0) + 1);
    }
    return facts.map(() => true);
  }

  shards = async (): Promise<TallyShard[]> => [];
  activate = async () => undefined;
  drop = async () => undefined;
  release = async () => undefined;
  publish = async (_id: string, body: string) => body;

  async writeTo(connection: mongoose.Connection): Promise<void> {
    const models = tallyModels(connection);
    await models.shards.insertMany(
      [...this.shardsById].map(([id, shard]) => ({
        _id: id,
        generation: 0,
        topic: shard.topic,
        partition: shard.partition,
        month: shard.month,
        appliedThrough: shard.through,
        counters: JSON.stringify(Object.fromEntries(shard.counters)),
      })),
      { ordered: false, lean: true },
    );
    const heads = new Map<string, { topic: string; partition: number; through: number }>();
    for (const shard of this.shardsById.values()) {
      const id = `0/${shard.topic}/${shard.partition}`;
      const head = heads.get(id);
      heads.set(id, {
        topic: shard.topic,
        partition: shard.partition,
        through: Math.max(head?.through ?? -1, shard.through),
      });
    }
    await models.partitions.insertMany(
      [...heads].map(([id, head]) => ({ _id: id, generation: 0, ...head })),
      { ordered: false, lean: true },
    );
  }

  /** The simplest program's documents for the same facts: one per month, every feedback cell summed. */
  monthDocuments(): { _id: string; c: Record<string, number> }[] {
    const byMonth = new Map<string, Record<string, number>>();
    for (const shard of this.shardsById.values()) {
      if (shard.topic !== liveFactsTopics.feedbackFacts) continue;
      const sums = byMonth.get(shard.month) ?? {};
      for (const [key, count] of shard.counters) {
        const field = key.replaceAll('.', '_');
        sums[field] = (sums[field] ?? 0) + count;
      }
      byMonth.set(shard.month, sums);
    }
    return [...byMonth].map(([month, c]) => ({ _id: month, c }));
  }
}

/** Facts in runs per (topic, partition), as the consumers hand them over. */
async function generate(facts: number, ingestion: FactIngestion): Promise<void> {
  const synthetic = new SyntheticFacts();
  const pending = new Map<string, ReadFact[]>();
  const offsets = new Map<string, number>();
  const flush = async (slot: string) => {
    const run = pending.get(slot) ?? [];
    pending.set(slot, []);
    const [topic, partition] = slot.split('#');
    if (run.length > 0) await ingestion.record({ topic: topic!, partition: Number(partition) }, run);
  };
  for (let index = 0; index < facts; index++) {
    const even = index % 2 === 0;
    const topic = even ? liveFactsTopics.enrollmentFacts : liveFactsTopics.feedbackFacts;
    const slot = `${topic}#${index % PARTITIONS}`;
    const offset = offsets.get(slot) ?? 0;
    offsets.set(slot, offset + 1);
    const read = even
      ? { kind: 'participation' as const, fact: synthetic.participation() }
      : { kind: 'contribution' as const, fact: synthetic.contribution() };
    const run = pending.get(slot) ?? [];
    run.push({ ...read, offset, factId: randomUUID(), occurredAt: `${read.fact.month}-15T00:00:00.000Z` });
    pending.set(slot, run);
    if (run.length >= RUN_LENGTH) await flush(slot);
  }
  for (const slot of pending.keys()) await flush(slot);
}

async function timed(rounds: number, once: (round: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await once(round);
    durations.push(performance.now() - started);
  }
  return sortedCopy(durations);
}

const row = (subject: string, durations: number[], baseline?: number[]): Figure => ({
  subject,
  ...(baseline ? {} : { baseline: true }),
  p50: percentile(durations, 0.5),
  p99: percentile(durations, 0.99),
  ...(baseline ? { ratio: percentile(durations, 0.99) / percentile(baseline, 0.99) } : {}),
  other: `${durations.length} queries`,
});

/** The CHSCT trend (12 months by category, national) over a bulk-generated year of facts and more. */
export const trend: Scenario = {
  name: 'trend',
  title: 'CHSCT trend query over millions of facts (FerretDB): warm and cold',
  needs: ['infrastructure'],
  async run(context) {
    const sizes = context.quick ? [20_000] : [1_000_000, 10_000_000];
    const rounds = context.quick ? 20 : 100;
    const coldRounds = context.quick ? 3 : 10;
    const tables: { heading: string; figures: Figure[] }[] = [];
    const targets: TargetCheck[] = [];
    for (const size of sizes) {
      const dbName = `bench-trend-${randomUUID().slice(0, 8)}`;
      const connections: mongoose.Connection[] = [];
      const open = async () => {
        const connection = await connectMongo({
          url: process.env['MONGO_URL']!,
          dbName,
          appName: 'relais-bench',
        });
        connections.push(connection);
        tallyModels(connection);
        return connection;
      };
      try {
        const connection = await open();
        await ensureIndexes(connection);
        const generating = performance.now();
        const bulk = new BulkTallyStore();
        await generate(size, new FactIngestion(bulk, bulk.activeGeneration));
        await bulk.writeTo(connection);
        const baselineMonths = connection.collection<{ _id: string; c: Record<string, number> }>('months');
        await baselineMonths.insertMany(bulk.monthDocuments());
        context.log(
          `  ${size.toLocaleString('en-GB')} facts generated in ${((performance.now() - generating) / 1_000).toFixed(0)} s (${bulk.shardsById.size} shards)`,
        );

        const queriesOn = (store: TallyStore) => new StatsQueries(store, { minimumCount: 11 }, calendar);
        const ask = (queries: StatsQueries) =>
          queries.feedbackTrends(months, 'category', { kind: 'national' });
        const releases = tallyModels(connection).releases;
        // Computed from the shards: the first asker of a month that nobody has asked for yet.
        const computed = await timed(coldRounds, async () => {
          await releases.deleteMany({}).exec();
          return ask(queriesOn(new MongoTallyStore(tallyModels(connection))));
        });
        // Cold: a process that has not asked yet (a new connection); the months' releases are stored.
        const cold = await timed(coldRounds, async () => {
          const fresh = await open();
          return ask(queriesOn(new MongoTallyStore(tallyModels(fresh))));
        });
        // Warm: the same process asking again, as the CHSCT's pages do.
        const queries = queriesOn(new MongoTallyStore(tallyModels(connection)));
        await ask(queries);
        const warm = await timed(rounds, () => ask(queries));
        // The simplest program reads its twelve month documents by id and sums their cells per category.
        const sumByCategory = async () => {
          const documents = await baselineMonths.find({ _id: { $in: months } }).toArray();
          const sums = new Map<string, number>();
          for (const document of documents)
            for (const [key, count] of Object.entries(document.c)) {
              const category = key.split('|')[2] ?? '';
              sums.set(category, (sums.get(category) ?? 0) + count);
            }
          return sums;
        };
        const baselineCold = await timed(coldRounds, async () => {
          const fresh = await open();
          return fresh
            .collection('months')
            .find({ _id: { $in: months } as never })
            .toArray();
        });
        await sumByCategory();
        const baselineWarm = await timed(rounds, sumByCategory);
        const label = size.toLocaleString('en-GB');
        tables.push({
          heading: `${label} facts (half feedback), 12 months by category, national`,
          figures: [
            row('Relais, warm (same process asks again)', warm, baselineWarm),
            row('Relais, cold (new connection; release stored)', cold, baselineCold),
            row('Relais, first publication (computed from the shards)', computed, baselineCold),
            row('simplest program, warm: 12 month documents by id, summed', baselineWarm),
            row('simplest program, cold: the same on a new connection', baselineCold),
          ],
        });
        const warmP99 = percentile(warm, 0.99);
        targets.push({
          target: `trend p99 ≤ 20 ms warm over ${label} facts`,
          measured: `${warmP99.toFixed(1)} ms (cold ${percentile(cold, 0.99).toFixed(0)} ms, first publication ${percentile(computed, 0.99).toFixed(0)} ms)`,
          met: warmP99 <= 20,
        });
      } finally {
        await connections[0]?.dropDatabase().catch(() => undefined);
        for (const connection of connections) await connection.close();
      }
    }
    if (!context.quick) targets.shift();
    return {
      tables,
      targets,
      notes: [
        'Ratio: Relais p99 ÷ the simplest program p99 (lower is better; 1× is as fast as the simplest program).',
        "Facts come from a bulk generator: synthetic facts (30 academies, 36 months, every category and band) through Relais's FactIngestion into shards held in memory, then written at once. The shards and partition heads are those the consumers would leave; the per-fact markers are not written, as no query reads them.",
        "A month's trend is published once (ADR 0014): the first asker computes it from the shards of 6 partitions and stores it; later askers read the stored release, and a process keeps the ones it read. The query's cost therefore does not grow with the number of facts, only with shards per month.",
      ],
    };
  },
};
