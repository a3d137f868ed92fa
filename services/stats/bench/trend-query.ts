/**
 * By hand: `npm run bench:stats-query` (BENCH_FACTS=1000000 by default; set
 * MONGO_URL to measure the mongoose store on FerretDB instead of the in-memory one). Feeds facts
 * through the ingestion path in runs per partition, as the consumers do, then times the CHSCT trend
 * query and the ministry table (DESIGN §8: ≤ 50 ms p99 over 1 M facts). Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { connectMongo, ensureIndexes } from '@relais/store';
import {
  FactIngestion,
  InMemoryTallyStore,
  MongoTallyStore,
  parsePeriod,
  StatsQueries,
  tallyModels,
  type ReadFact,
  type TallyStore,
} from '../src/index';
import { benchMonths, SyntheticFacts } from './synthetic-facts';

// A command-line tool: its output is for the person running it, not a log.
const print = (line: string) => process.stdout.write(`${line}\n`);

const facts = Number(process.env['BENCH_FACTS'] ?? 1_000_000);
const partitions = 6;
const runLength = 500;

async function openStore(): Promise<{ store: TallyStore; close: () => Promise<void> }> {
  const url = process.env['MONGO_URL'];
  if (!url) return { store: new InMemoryTallyStore(), close: async () => undefined };
  const connection = await connectMongo({ url, dbName: `stats-bench-${Date.now()}`, appName: 'stats-bench' });
  tallyModels(connection);
  await ensureIndexes(connection);
  return {
    store: new MongoTallyStore(tallyModels(connection)),
    close: async () => {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

/**
 * Runs of facts per (topic, partition), as the consumers hand them over: one consumer per topic, each
 * handling one partition's run at a time (kafkajs's default), so two runs in flight at most.
 */
async function ingest(ingestion: FactIngestion): Promise<void> {
  const synthetic = new SyntheticFacts();
  const pending = new Map<string, ReadFact[]>();
  const offsets = new Map<string, number>();
  const flushOne = async (slot: string) => {
    const run = pending.get(slot) ?? [];
    pending.set(slot, []);
    const [topic, partition] = slot.split('#');
    if (run.length > 0) await ingestion.record({ topic: topic!, partition: Number(partition) }, run);
  };
  const flush = async (slots: string[]) => {
    const topicsOf = [...new Set(slots.map((slot) => slot.split('#')[0]!))];
    await Promise.all(
      topicsOf.map(async (topic) => {
        for (const slot of slots.filter((candidate) => candidate.startsWith(`${topic}#`)))
          await flushOne(slot);
      }),
    );
  };
  for (let index = 0; index < facts; index++) {
    const even = index % 2 === 0;
    const topic = even ? 'enrollment.facts.v1' : 'feedback.facts.v1';
    const slot = `${topic}#${index % partitions}`;
    const offset = offsets.get(slot) ?? 0;
    offsets.set(slot, offset + 1);
    const read = even
      ? { kind: 'participation' as const, fact: synthetic.participation() }
      : { kind: 'contribution' as const, fact: synthetic.contribution() };
    const run = pending.get(slot) ?? [];
    run.push({ ...read, offset, factId: randomUUID(), occurredAt: `${read.fact.month}-15T00:00:00.000Z` });
    pending.set(slot, run);
    if (run.length >= runLength) await flush([...pending.keys()]);
  }
  await flush([...pending.keys()]);
}

async function main() {
  const { store, close } = await openStore();
  const ingestion = new FactIngestion(store, () => store.activeGeneration());
  const started = performance.now();
  await ingest(ingestion);
  const seconds = (performance.now() - started) / 1_000;
  print(`stored ${facts} facts in ${seconds.toFixed(1)} s: ${Math.round(facts / seconds)} facts/s`);

  // A clock after the last bench month's publication: every month asked for is published.
  const queries = new StatsQueries(
    store,
    { minimumCount: 11 },
    { settlingDays: 7, now: () => new Date('2027-06-01') },
  );
  const time = async (name: string, run: () => Promise<unknown>, rounds = 100) => {
    const first = performance.now();
    await run();
    const cold = performance.now() - first;
    const durations: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      await run();
      durations.push(performance.now() - start);
    }
    durations.sort((a, b) => a - b);
    print(
      `${name}: first ${cold.toFixed(1)} ms, then p50 ${percentile(durations, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(durations, 0.99).toFixed(1)} ms`,
    );
  };
  await time('trend query, 1 month, by category (national)', () =>
    queries.feedbackTrends(['2025-11'], 'category', { kind: 'national' }),
  );
  await time(
    'trend query, 12 months, by academy (national)',
    () => queries.feedbackTrends(benchMonths.slice(12, 24), 'academy', { kind: 'national' }),
    20,
  );
  await time('ministry table, a quarter by theme', () =>
    queries.ministryEnrollments(parsePeriod('2025-Q4')!, 'theme'),
  );
  await close();
}

await main();
