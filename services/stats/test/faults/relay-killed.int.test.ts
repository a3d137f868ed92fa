import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { KafkaEventBus } from '@relais/bus';
import { ensureIndexes, isMongoOutage } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { eventually } from '@relais/testing';
import { FactIngestion, factSubscriptions, MongoTallyStore, tallyModels } from '../../src/index';
import { participations } from '../support/facts';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';
import { AcceptedWrites, enrolledInLyon } from './support/accepted-writes';

// A burst the relay takes some seconds over on FerretDB, whose lease lookups scan (MongoDB uses the _id index).
const FACTS = 400;
const LEASE_MS = 3_000;
const relayScript = fileURLToPath(new URL('./support/outbox-relay-process.ts', import.meta.url));

/**
 * DESIGN §8 "a relay killed with SIGKILL": the outbox relay dies mid-stream, some rounds published
 * but not acknowledged. Its successor takes over once the leases expire and publishes those again;
 * the stats tables must still count every accepted write exactly once.
 */
describe('outbox relay killed with SIGKILL mid-stream', () => {
  const fresh = new FreshFactsTopics();
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let consumer: KafkaEventBus;
  const children: ChildProcess[] = [];

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
    for (const child of children) child.kill('SIGKILL');
    await consumer.close();
    await fresh.remove();
    await database.drop();
  });

  const startRelay = (writesCollection: string): { child: ChildProcess; published: () => number } => {
    const child = spawn(process.execPath, ['--import', 'tsx', relayScript], {
      env: {
        ...process.env,
        STATS_TEST_DB: database.connection.name,
        STATS_TEST_WRITES: writesCollection,
        STATS_TEST_LEASE_MS: String(LEASE_MS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let published = 0;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/published (\d+)/g)) published = Number(match[1]);
    });
    return { child, published: () => published };
  };

  it('counts every accepted write exactly once after a second relay takes over', async () => {
    const collection = `accepted_${randomUUID().slice(0, 8)}`;
    const writes = new AcceptedWrites(database.connection, collection);
    const facts = participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading'],
      change: 'enrolled',
      teachers: FACTS,
    }).map((fact) => ({ ...fact, topic: fresh.topics.enrollmentFacts }));
    await writes.acceptAll(facts);
    const store = new MongoTallyStore(tallyModels(database.connection));
    for (const subscription of factSubscriptions(new FactIngestion(store, async () => 0), {
      topics: fresh.topics,
      groupPrefix: `stats.relay-kill-${fresh.run}`,
      fromBeginning: true,
    }))
      await consumer.subscribe(subscription);

    const first = startRelay(collection);
    await eventually(async () => (first.published() > 0 ? true : undefined), 90_000);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const pendingAfterTheKill = await writes.pending();
    expect(pendingAfterTheKill).toBeGreaterThan(0);

    const second = startRelay(collection);
    const counted = () => enrolledInLyon(store, fresh.topics.enrollmentFacts);
    try {
      // Done when every write is counted and acknowledged: the relay acknowledges after Kafka did.
      await eventually(
        async () => ((await counted()) >= FACTS && (await writes.pending()) === 0 ? true : undefined),
        120_000,
      );
    } catch (error) {
      throw new Error(
        `${await counted()} of ${FACTS} counted; the first relay acknowledged ${first.published()}, the second ${second.published()}, ${await writes.pending()} still in the outbox`,
        { cause: error },
      );
    }
    await sleep(1_000);
    // The kill came right after the first acknowledgement of a 20-document round: the rest of that
    // round was published and then published again by the second relay. Counted once all the same.
    const published = await fresh.records(fresh.topics.enrollmentFacts);
    expect(published).toBeGreaterThan(FACTS);
    expect(await counted()).toBe(FACTS);
    expect(await writes.pending()).toBe(0);
    expect(await fresh.deadLetters()).toBe(0);
  }, 240_000);
});
