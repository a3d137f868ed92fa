/**
 * By hand: `npx tsx services/stats/bench/trend-query.ts` (BENCH_FACTS=1000000 by default; set
 * MONGO_URL to measure the mongoose store instead of the in-memory one). Feeds facts through the
 * ingestion path, then times the CHSCT trend query and the ministry table (DESIGN §8: ≤ 50 ms p99
 * over 1 M facts; ≥ 1,000 facts/s). Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { connectMongo, ensureIndexes } from '@relais/store';
import {
  FactIngestion,
  InMemoryTallyStore,
  MongoTallyStore,
  parsePeriod,
  StatsQueries,
  tallyModels,
  type TallyStore,
} from '../src/index';

// A command-line tool: its output is for the person running it, not a log.
const print = (line: string) => process.stdout.write(`${line}\n`);

const facts = Number(process.env['BENCH_FACTS'] ?? 1_000_000);
const partitions = 3;
const academies = Array.from(
  { length: 30 },
  (_, index) => `academy-${String.fromCharCode(97 + (index % 26))}${index}`,
);
const themes = Array.from({ length: 20 }, (_, index) => `theme-${index}`);
const categories = [
  'technical-access',
  'tool-usability',
  'workload-time',
  'content-relevance',
  'support-guidance',
  'other',
];
const bands = ['low', 'medium', 'high'];
const months = Array.from(
  { length: 36 },
  (_, index) => `${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
);
const groupings = [
  'total',
  'academy',
  'category',
  'intensityBand',
  'academy+category',
  'academy+intensityBand',
  'category+intensityBand',
  'academy+category+intensityBand',
];

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

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

async function main() {
  const { store, close } = await openStore();
  const ingestion = new FactIngestion(store, () => store.activeGeneration());
  const offsets = new Map<string, number>();
  const position = (topic: string, key: string) => {
    const partition = [...key].reduce((sum, character) => sum + character.charCodeAt(0), 0) % partitions;
    const slot = `${topic}/${partition}`;
    const offset = offsets.get(slot) ?? 0;
    offsets.set(slot, offset + 1);
    return { topic, partition, offset };
  };

  const started = performance.now();
  const inFlight: Promise<boolean>[] = [];
  for (let index = 0; index < facts; index++) {
    const month = pick(months);
    const academy = pick(academies);
    const key = `${academy}:${month}`;
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    if (index % 2 === 0) {
      const theme = pick(themes);
      inFlight.push(
        ingestion.recordParticipation(position('enrollment.facts.v1', key), id, {
          month,
          academy,
          themes: [theme],
          change: pick(['enrolled', 'enrolled', 'completed', 'withdrawn'] as const),
          creditedHoursDelta: 0,
          newTeacherIn: [
            { dimension: 'academy', value: academy, period: 'month' },
            { dimension: 'theme', value: theme, period: 'quarter' },
          ],
        }),
      );
    } else {
      inFlight.push(
        ingestion.recordContribution(position('feedback.facts.v1', key), id, {
          month,
          academy,
          category: pick(categories),
          intensityBand: pick(bands),
          firstContributionIn: groupings.filter(() => random() < 0.7),
        }),
      );
    }
    // One partition's consumer handles one fact at a time: keep as many in flight as partitions.
    if (inFlight.length >= partitions * 2) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1_000;
  print(`ingested ${facts} facts in ${seconds.toFixed(1)} s: ${Math.round(facts / seconds)} facts/s`);

  const queries = new StatsQueries(store, { minimumCount: 11 });
  const time = async (name: string, run: () => Promise<unknown>, rounds = 100) => {
    await run();
    const durations: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      await run();
      durations.push(performance.now() - start);
    }
    durations.sort((a, b) => a - b);
    print(
      `${name}: p50 ${percentile(durations, 0.5).toFixed(1)} ms, p99 ${percentile(durations, 0.99).toFixed(1)} ms`,
    );
  };
  await time('trend query, 1 month, by category (national)', () =>
    queries.feedbackTrends(['2025-11'], 'category', { kind: 'national' }),
  );
  await time(
    'trend query, 12 months, by academy (national)',
    () => queries.feedbackTrends(months.slice(12, 24), 'academy', { kind: 'national' }),
    20,
  );
  await time('ministry table, a quarter by theme', () =>
    queries.ministryEnrollments(parsePeriod('2025-Q4')!, 'theme'),
  );
  await close();
}

await main();
