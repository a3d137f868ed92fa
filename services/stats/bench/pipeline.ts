/**
 * By hand, against the real infrastructure (DESIGN §8 "Pipeline"):
 *   eval "$(scripts/infra/infra env)" && npm run bench:stats-pipeline
 * 1. Sustained ingestion: BENCH_FACTS facts (default 60,000, half enrollment, half feedback) wait on
 *    fresh 6-partition topics; the stats consumers then count them into FerretDB. Prints facts/s.
 * 2. Freshness: feedback facts published at BENCH_RATE per second (default 200) for BENCH_SECONDS
 *    (default 20) while the consumers run; for each, the time from its publication to the moment
 *    its counters are written, after which the CHSCT trend query includes it. Prints p50 and p99.
 * Prints figures; asserts nothing. Fresh topics, groups and database, all removed at the end.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { ensureTopics, KafkaEventBus, type DeliveredMessage, type OutgoingMessage } from '@relais/bus';
import { topics, type PendingEvent } from '@relais/contracts';
import { connectMongo, ensureIndexes } from '@relais/store';
import {
  FactIngestion,
  factSubscriptions,
  MongoTallyStore,
  tallyModels,
  type FactsTopics,
} from '../src/index';
import { SyntheticFacts } from './synthetic-facts';

// A command-line tool: its output is for the person running it, not a log.
const print = (line: string) => process.stdout.write(`${line}\n`);

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: eval "$(scripts/infra/infra env)" first.`);
  return value;
};
const brokers = required('KAFKA_BROKERS').split(',');
const mongoUrl = required('MONGO_URL');
const backlog = Number(process.env['BENCH_FACTS'] ?? 60_000);
const rate = Number(process.env['BENCH_RATE'] ?? 200);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 20);
const SENT_AT = 'x-bench-sent-at';

const run = randomUUID().slice(0, 8);
const factsTopics: FactsTopics = {
  enrollmentFacts: `bench-${run}.enrollment.facts`,
  feedbackFacts: `bench-${run}.feedback.facts`,
};
const allTopics = Object.values(factsTopics).flatMap((topic) => [topic, `${topic}.dlq`]);
const topicOf = (event: PendingEvent) =>
  event.topic === topics.enrollmentFacts ? factsTopics.enrollmentFacts : factsTopics.feedbackFacts;
const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;

async function publishBacklog(bus: KafkaEventBus, synthetic: SyntheticFacts): Promise<void> {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (let index = 0; index < backlog; index++) {
    const event = synthetic.event(index);
    const batch = byTopic.get(topicOf(event)) ?? [];
    batch.push({ key: event.key, envelope: event.envelope });
    byTopic.set(topicOf(event), batch);
  }
  for (const [topic, messages] of byTopic)
    for (let start = 0; start < messages.length; start += 1_000)
      await bus.publish(topic, messages.slice(start, start + 1_000));
}

async function main(): Promise<void> {
  await ensureTopics(
    { clientId: 'stats-bench', brokers },
    // Kept for ever like the real facts topics: the facts span 36 months of record times.
    allTopics.map((topic) => ({ topic, partitions: 6, retentionMs: -1 })),
  );
  const connection = await connectMongo({
    url: mongoUrl,
    dbName: `stats-bench-${run}`,
    appName: 'stats-bench',
  });
  tallyModels(connection);
  await ensureIndexes(connection);
  const store = new MongoTallyStore(tallyModels(connection));
  const bus = new KafkaEventBus({ clientId: 'stats-bench', brokers, consumer: { maxWaitTimeInMs: 50 } });
  const synthetic = new SyntheticFacts();
  try {
    const publishStarted = performance.now();
    await publishBacklog(bus, synthetic);
    print(`published ${backlog} facts in ${((performance.now() - publishStarted) / 1_000).toFixed(1)} s`);

    let handled = 0;
    let firstAt = 0;
    const latencies: number[] = [];
    const onHandled = (delivery: DeliveredMessage) => {
      if (handled === 0) firstAt = performance.now();
      handled += 1;
      const sentAt = delivery.headers[SENT_AT];
      if (sentAt !== undefined) latencies.push(Date.now() - Number(sentAt));
    };
    const ingestion = new FactIngestion(store, () => store.activeGeneration());
    const subscribed = performance.now();
    for (const subscription of factSubscriptions(ingestion, {
      topics: factsTopics,
      groupPrefix: `stats.bench-${run}`,
      fromBeginning: true,
      onHandled,
    }))
      await bus.subscribe(subscription);
    while (handled < backlog) await sleep(20);
    const ingestSeconds = (performance.now() - firstAt) / 1_000;
    print(
      `ingested ${backlog} facts from Kafka into FerretDB in ${ingestSeconds.toFixed(1)} s: ` +
        `${Math.round(backlog / ingestSeconds)} facts/s ` +
        `(${((performance.now() - subscribed) / 1_000).toFixed(1)} s including the consumers joining)`,
    );

    const total = rate * seconds;
    const started = performance.now();
    for (let sent = 0; sent < total;) {
      // Ticks of 50 ms, each publishing its share of the rate.
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1_000) * rate));
      const messages: OutgoingMessage[] = [];
      for (; sent < due; sent++) {
        const event = synthetic.contributionEvent('2026-11');
        messages.push({
          key: event.key,
          envelope: event.envelope,
          headers: { [SENT_AT]: String(Date.now()) },
        });
      }
      if (messages.length > 0) await bus.publish(factsTopics.feedbackFacts, messages);
      await sleep(50);
    }
    while (latencies.length < total) await sleep(20);
    latencies.sort((a, b) => a - b);
    print(
      `freshness at ${rate} facts/s for ${seconds} s: publication to counted, ` +
        `p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms, max ${latencies.at(-1)} ms`,
    );
  } finally {
    await bus.close();
    const admin = new Kafka({ clientId: 'stats-bench-admin', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: allTopics }).catch(() => undefined);
    await admin.disconnect();
    await connection.dropDatabase();
    await connection.close();
  }
}

await main();
