import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { KafkaEventBus } from '@relais/bus';
import { ensureIndexes, isMongoOutage } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { eventually } from '@relais/testing';
import { FactIngestion, factSubscriptions, MongoTallyStore, tallyModels } from '../../src/index';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';
import { AcceptedWrites } from './support/accepted-writes';
import { CountingProcesses } from './support/counting-processes';
import { enrolledInLyon, lyonEnrolments } from './support/lyon-enrolments';
import { untilCounted } from './support/until-counted';

// A burst the relay takes some seconds over on FerretDB, whose lease lookups scan (MongoDB uses the _id index).
const FACTS = 400;
const LEASE_MS = 3_000;
const relayScript = fileURLToPath(new URL('./support/outbox-relay-process.ts', import.meta.url));

/**
 * docs/design.md §8 "a relay killed with SIGKILL": the outbox relay dies mid-stream, some rounds published
 * but not acknowledged. Its successor takes over once the leases expire and publishes those again;
 * the stats tables must still count every accepted write exactly once.
 */
describe('outbox relay killed with SIGKILL mid-stream', () => {
  const fresh = new FreshFactsTopics();
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let consumer: KafkaEventBus;
  const processes = new CountingProcesses();

  beforeAll(async () => {
    database = await openTestDatabase('stats-relay-kill');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
    await fresh.create();
    consumer = new KafkaEventBus({
      ...testBusConfig('stats-relay-kill-consumer'),
      isTransient: isMongoOutage,
    });
  });
  afterAll(async () => {
    processes.killAll();
    await consumer.close();
    await fresh.remove();
    await database.drop();
  });

  it('counts every accepted write exactly once after a second relay takes over', async () => {
    const collection = `accepted_${randomUUID().slice(0, 8)}`;
    const writes = new AcceptedWrites(database.connection, collection);
    await writes.acceptAll(lyonEnrolments(FACTS, fresh.topics.enrollmentFacts));
    const store = new MongoTallyStore(tallyModels(database.connection));
    for (const subscription of factSubscriptions(new FactIngestion(store, async () => 0), {
      topics: fresh.topics,
      groupPrefix: `stats.relay-kill-${fresh.run}`,
      fromBeginning: true,
    }))
      await consumer.subscribe(subscription);
    const startRelay = () =>
      processes.start(relayScript, 'published', {
        STATS_TEST_DB: database.connection.name,
        STATS_TEST_WRITES: collection,
        STATS_TEST_LEASE_MS: String(LEASE_MS),
      });

    const first = startRelay();
    await eventually(async () => (first.count() > 0 ? true : undefined), 90_000);
    await first.kill();
    expect(await writes.pending()).toBeGreaterThan(0);

    const second = startRelay();
    const counted = () => enrolledInLyon(store, fresh.topics.enrollmentFacts);
    await untilCounted(counted, FACTS, {
      timeoutMs: 120_000,
      writes,
      context: () => `the first relay acknowledged ${first.count()}, the second ${second.count()}`,
    });
    await sleep(1_000);
    // The kill came right after the first acknowledgement of a 20-document round: the rest of that
    // round was published and then published again by the second relay. Counted once all the same.
    expect(await fresh.records(fresh.topics.enrollmentFacts)).toBeGreaterThan(FACTS);
    expect(await counted()).toBe(FACTS);
    expect(await writes.pending()).toBe(0);
    expect(await fresh.deadLetters()).toBe(0);
  }, 240_000);
});
