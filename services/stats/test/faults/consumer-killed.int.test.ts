import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { KafkaEventBus } from '@relais/bus';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { eventually } from '@relais/testing';
import { MongoTallyStore, tallyModels } from '../../src/index';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';
import { CountingProcesses } from './support/counting-processes';
import { enrolledInLyon, lyonEnrolments } from './support/lyon-enrolments';
import { untilCounted } from './support/until-counted';

const FACTS = 3_000;
const consumerScript = fileURLToPath(new URL('./support/stats-consumer-process.ts', import.meta.url));

/**
 * docs/design.md §8 "a consumer killed with SIGKILL": the stats consumer dies mid-stream, with runs written
 * but not committed, others half done. Started again, it must count every fact exactly once.
 */
describe('stats consumer killed with SIGKILL mid-stream', () => {
  const fresh = new FreshFactsTopics();
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let publisher: KafkaEventBus;
  const processes = new CountingProcesses();

  beforeAll(async () => {
    database = await openTestDatabase('stats-kill');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
    await fresh.create();
    publisher = new KafkaEventBus(testBusConfig('stats-kill-publisher'));
  });
  afterAll(async () => {
    processes.killAll();
    await publisher.close();
    await fresh.remove();
    await database.drop();
  });

  const startConsumer = () =>
    processes.start(consumerScript, 'handled', {
      STATS_TEST_DB: database.connection.name,
      STATS_TEST_ENROLLMENT_TOPIC: fresh.topics.enrollmentFacts,
      STATS_TEST_FEEDBACK_TOPIC: fresh.topics.feedbackFacts,
      STATS_TEST_GROUP_PREFIX: `stats.kill-${fresh.run}`,
    });

  it('counts every fact exactly once after a restart', async () => {
    const facts = lyonEnrolments(FACTS, fresh.topics.enrollmentFacts);
    for (let start = 0; start < facts.length; start += 500)
      await publisher.publish(
        fresh.topics.enrollmentFacts,
        facts.slice(start, start + 500).map((fact) => ({ key: fact.key, envelope: fact.envelope })),
      );

    const first = startConsumer();
    await eventually(async () => (first.count() > 0 ? true : undefined), 90_000);
    await first.kill();
    const countedBeforeTheKill = first.count();
    expect(countedBeforeTheKill).toBeLessThan(FACTS);

    const second = startConsumer();
    const store = new MongoTallyStore(tallyModels(database.connection));
    const enrolled = () => enrolledInLyon(store, fresh.topics.enrollmentFacts);
    // The kill may land after the store counted a run but before Kafka committed it: that run comes
    // again and must change nothing.
    await untilCounted(enrolled, FACTS, {
      timeoutMs: 90_000,
      context: () => `the first consumer handled ${countedBeforeTheKill}, the second ${second.count()}`,
    });
    await sleep(1_000);
    expect(await enrolled()).toBe(FACTS);
    expect(await fresh.deadLetters()).toBe(0);
  }, 180_000);
});
