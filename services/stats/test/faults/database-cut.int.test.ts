import { setTimeout as sleep } from 'node:timers/promises';
import { KafkaEventBus } from '@relais/bus';
import { connectMongo, ensureIndexes, isMongoOutage } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { cuttableLinkTo, eventually, type CuttableLink } from '@relais/testing';
import { FactIngestion, factSubscriptions, MongoTallyStore, tallyModels } from '../../src/index';
import { participations } from '../support/facts';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';

const ENROLLED_IN_LYON = 'teachers|enrolled|academy|month|lyon';
const CUT_MS = 10_000;

/**
 * docs/design.md §8 "a 10 s network cut": the stats consumer loses its database mid-stream. Facts that
 * arrive meanwhile fail, again and again, far beyond the retry budget (2 attempts here); they must be
 * waited out as an outage, not dead-lettered, and every one must be counted exactly once afterwards.
 */
describe('stats through a 10 s database cut', () => {
  const fresh = new FreshFactsTopics();
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let link: CuttableLink;
  let buses: KafkaEventBus[] = [];
  let closeProxied: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    database = await openTestDatabase('stats-cut');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
    await fresh.create();
    link = await cuttableLinkTo(new URL(process.env['MONGO_URL']!).host, `stats-db-${fresh.run}`);
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close().catch(() => undefined);
    await closeProxied();
    await link.remove().catch(() => undefined);
    await fresh.remove();
    await database.drop();
  });

  it('waits the outage out: nothing dead-lettered, every fact counted once', async () => {
    const proxiedUrl = new URL(process.env['MONGO_URL']!);
    proxiedUrl.host = link.address;
    const proxied = await connectMongo({
      url: proxiedUrl.toString(),
      dbName: database.connection.name,
      appName: 'stats-cut',
      serverSelectionTimeoutMs: 1_000,
    });
    closeProxied = () => proxied.close();
    const store = new MongoTallyStore(tallyModels(proxied));
    const consumer = new KafkaEventBus({
      ...testBusConfig('stats-cut-consumer'),
      maxAttempts: 2,
      retryBackoffMs: { initial: 10, max: 20 },
      isTransient: isMongoOutage,
      transientBackoffMs: { initial: 100, max: 1_000 },
    });
    const publisher = new KafkaEventBus(testBusConfig('stats-cut-publisher'));
    buses = [consumer, publisher];
    let handled = 0;
    for (const subscription of factSubscriptions(new FactIngestion(store, async () => 0), {
      topics: fresh.topics,
      groupPrefix: `stats.cut-${fresh.run}`,
      fromBeginning: true,
      onHandled: () => (handled += 1),
    }))
      await consumer.subscribe(subscription);
    const publish = async (teachers: number) => {
      for (const fact of participations({
        month: '2026-11',
        academy: 'lyon',
        themes: ['reading'],
        change: 'enrolled',
        teachers,
      }))
        await publisher.publish(fresh.topicOf(fact), [{ key: fact.key, envelope: fact.envelope }]);
    };

    await publish(12);
    await eventually(async () => (handled >= 12 ? true : undefined), 30_000);
    await link.cut();
    await publish(15);
    await sleep(CUT_MS);
    expect(handled).toBe(12);
    await link.restore();
    await eventually(async () => (handled >= 27 ? true : undefined), 60_000);

    // Read back directly, not through the link.
    const direct = new MongoTallyStore(tallyModels(database.connection));
    const shards = await direct.shards(0, fresh.topics.enrollmentFacts, ['2026-11']);
    const enrolled = shards.reduce((sum, shard) => sum + (shard.counters.get(ENROLLED_IN_LYON) ?? 0), 0);
    expect(enrolled).toBe(27);
    expect(await fresh.deadLetters()).toBe(0);
  });
});
