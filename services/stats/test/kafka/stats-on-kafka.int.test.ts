import { KafkaEventBus } from '@relais/bus';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { eventually } from '@relais/testing';
import {
  FactIngestion,
  factSubscriptions,
  KafkaFactsReplay,
  MongoTallyStore,
  rebuildTables,
  StatsQueries,
  tallyModels,
} from '../../src/index';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';
import { mixedFacts, tablesOf } from '../support/mixed-facts';
import { everyTestPeriodPublished } from '../support/facts';
import { unreleased } from '../support/unreleased';

/**
 * The stats pipeline on the real thing: facts on Kafka, counted in runs into FerretDB, then every
 * table rebuilt from the topics by the code `npm run stats:rebuild` runs. Fresh topics and groups, so
 * other tests' facts do not mix in.
 */
describe('stats on Kafka and FerretDB', () => {
  const fresh = new FreshFactsTopics();
  const { run, topics: factsTopics } = fresh;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const buses: KafkaEventBus[] = [];
  const newBus = (clientId: string) => {
    const bus = new KafkaEventBus(testBusConfig(clientId));
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    database = await openTestDatabase('stats-kafka');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
    await fresh.create();
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close().catch(() => undefined);
    await fresh.remove();
    await database.drop();
  });

  it('counts facts once from the topics, and a rebuild from their beginning gives the same tables', async () => {
    const store = new MongoTallyStore(tallyModels(database.connection));
    const queries = new StatsQueries(
      unreleased(store),
      { minimumCount: 11 },
      everyTestPeriodPublished,
      factsTopics,
    );
    const facts = mixedFacts();
    const publisher = newBus('stats-it-publisher');
    // All of them before the consumers start: the partitions then hold runs to count together.
    for (const fact of facts)
      await publisher.publish(fresh.topicOf(fact), [{ key: fact.key, envelope: fact.envelope }]);
    // The outbox relay publishing one fact twice, after a crash: it must count once.
    const [republished] = facts;
    await publisher.publish(fresh.topicOf(republished!), [
      { key: republished!.key, envelope: republished!.envelope },
    ]);

    const live = newBus('stats-it-live');
    let handled = 0;
    const ingestion = new FactIngestion(store, () => store.activeGeneration());
    for (const subscription of factSubscriptions(ingestion, {
      topics: factsTopics,
      groupPrefix: `stats.it-live-${run}`,
      fromBeginning: true,
      onHandled: () => (handled += 1),
    }))
      await live.subscribe(subscription);
    await eventually(async () => (handled >= facts.length + 1 ? true : undefined), 45_000);
    await live.close();
    const incremental = await tablesOf(queries);
    const lyonNovember = incremental.monthByAcademy.cells.filter((cell) => cell.academy === 'lyon');
    expect(lyonNovember).toContainEqual(
      expect.objectContaining({ measure: 'teachers-completed', value: 12 }),
    );

    const replay = new KafkaFactsReplay(fresh.admin, factsTopics, 200);
    expect(await replay.hasMembers(`stats.it-live-${run}`)).toBe(false);
    const end = await replay.endNow();
    expect(end.total).toBe(facts.length + 1);
    const rebuilder = newBus('stats-it-rebuild');
    const groupPrefix = `stats.it-rebuild-${run}`;
    const result = await rebuildTables({
      store,
      bus: rebuilder,
      groupPrefix,
      topics: factsTopics,
      total: end.total,
      untilReplayed: () => replay.untilCommitted(groupPrefix, end),
    });
    await rebuilder.close();
    expect(result.generation).toBe(1);
    expect(result.facts).toBeGreaterThanOrEqual(end.total);
    await replay.forget(groupPrefix);
    expect(await store.activeGeneration()).toBe(1);
    expect(await tablesOf(queries)).toEqual(incremental);
    expect(await store.shards(0, factsTopics.enrollmentFacts, ['2026-11'])).toEqual([]);
  });
});
