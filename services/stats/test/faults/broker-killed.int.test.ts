import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { KafkaEventBus, OutboxRelay } from '@relais/bus';
import { ensureIndexes, isMongoOutage } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { startDisposableKafka, type DisposableKafka } from '@relais/testing';
import { FactIngestion, factSubscriptions, MongoTallyStore, tallyModels } from '../../src/index';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';
import { AcceptedWrites } from './support/accepted-writes';
import { enrolledInLyon, lyonEnrolments } from './support/lyon-enrolments';
import { untilCounted } from './support/until-counted';

// Few: the relay takes some seconds over them on FerretDB, whose lease lookups scan (MongoDB uses the _id index).
const FACTS = 360;
const PER_TICK = 20;

/**
 * docs/design.md §8 "broker killed mid-stream": writes keep being accepted while the only broker is killed
 * with SIGKILL, stays down, and comes back on its data. From the outbox through the relay, Kafka and
 * the stats consumer, every accepted write must be counted exactly once. A broker of the test's own:
 * the shared one serves the suites running in parallel.
 */
describe('Kafka broker killed mid-stream', () => {
  let kafka: DisposableKafka;
  let fresh: FreshFactsTopics;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const buses: KafkaEventBus[] = [];
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    kafka = await startDisposableKafka();
    fresh = new FreshFactsTopics(kafka.brokers);
    await fresh.create();
    database = await openTestDatabase('stats-broker-kill');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
  }, 180_000);
  afterAll(async () => {
    await relay?.stop();
    for (const bus of buses) await bus.close().catch(() => undefined);
    await fresh?.remove();
    await kafka?.remove();
    await database?.drop();
  });

  const newBus = (clientId: string) => {
    const bus = new KafkaEventBus({ ...testBusConfig(clientId, kafka.brokers), isTransient: isMongoOutage });
    buses.push(bus);
    return bus;
  };

  it('counts every write accepted before, during and after the outage exactly once', async () => {
    const writes = new AcceptedWrites(database.connection, `accepted_${randomUUID().slice(0, 8)}`);
    const store = new MongoTallyStore(tallyModels(database.connection));
    const consumer = newBus('stats-broker-kill-consumer');
    for (const subscription of factSubscriptions(new FactIngestion(store, async () => 0), {
      topics: fresh.topics,
      groupPrefix: `stats.broker-kill-${fresh.run}`,
      fromBeginning: true,
    }))
      await consumer.subscribe(subscription);
    relay = new OutboxRelay({
      stores: [writes.outboxStore()],
      bus: newBus('stats-broker-kill-relay'),
      pollIntervalMs: 100,
      leaseMs: 5_000,
    });
    relay.start();

    const facts = lyonEnrolments(FACTS, fresh.topics.enrollmentFacts);
    const counted = () => enrolledInLyon(store, fresh.topics.enrollmentFacts);
    let accepted = 0;
    /** A steady stream of writes, PER_TICK every 100 ms, while `more` holds. */
    const acceptWhile = async (more: () => boolean | Promise<boolean>) => {
      while (accepted < FACTS && (await more())) {
        for (const fact of facts.slice(accepted, accepted + PER_TICK)) await writes.accept(fact);
        accepted = Math.min(FACTS, accepted + PER_TICK);
        await sleep(100);
      }
    };

    // Before: the stream flows until the stats tables show some of it.
    await acceptWhile(async () => (await counted()) === 0);
    const countedBeforeTheKill = await counted();
    await kafka.kill();
    // During: the services go on accepting writes; the broker stays down for a few seconds.
    const acceptedBeforeTheKill = accepted;
    await acceptWhile(() => accepted < acceptedBeforeTheKill + 200);
    await sleep(3_000);
    const pendingWhileDown = await writes.pending();
    await kafka.restart();
    // After: the rest.
    await acceptWhile(() => true);

    await untilCounted(counted, FACTS, {
      timeoutMs: 150_000,
      writes,
      context: () => `${countedBeforeTheKill} before the kill`,
    });
    await sleep(1_000);
    expect(await counted()).toBe(FACTS);
    // The outage held writes back: they reached the tables only through the restarted broker.
    expect(pendingWhileDown).toBeGreaterThanOrEqual(200);
    expect(await writes.pending()).toBe(0);
    expect(await fresh.deadLetters()).toBe(0);
  }, 400_000);
});
