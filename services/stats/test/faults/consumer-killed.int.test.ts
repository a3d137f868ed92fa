import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { KafkaEventBus } from '@relais/bus';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { eventually } from '@relais/testing';
import { MongoTallyStore, tallyModels } from '../../src/index';
import { participations } from '../support/facts';
import { FreshFactsTopics, testBusConfig } from '../support/kafka-facts';

const ENROLLED_IN_LYON = 'teachers|enrolled|academy|month|lyon';
const FACTS = 3_000;
const consumerScript = fileURLToPath(new URL('./support/stats-consumer-process.ts', import.meta.url));

/**
 * DESIGN §8 "a consumer killed with SIGKILL": the stats consumer dies mid-stream, with runs written
 * but not committed, others half done. Started again, it must count every fact exactly once.
 */
describe('stats consumer killed with SIGKILL mid-stream', () => {
  const fresh = new FreshFactsTopics();
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let publisher: KafkaEventBus;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('stats-kill');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
    await fresh.create();
    publisher = new KafkaEventBus(testBusConfig('stats-kill-publisher'));
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await publisher.close();
    await fresh.remove();
    await database.drop();
  });

  const startConsumer = (): { child: ChildProcess; handled: () => number } => {
    const child = spawn(process.execPath, ['--import', 'tsx', consumerScript], {
      env: {
        ...process.env,
        STATS_TEST_DB: database.connection.name,
        STATS_TEST_ENROLLMENT_TOPIC: fresh.topics.enrollmentFacts,
        STATS_TEST_FEEDBACK_TOPIC: fresh.topics.feedbackFacts,
        STATS_TEST_GROUP_PREFIX: `stats.kill-${fresh.run}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let handled = 0;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/handled (\d+)/g)) handled = Number(match[1]);
    });
    return { child, handled: () => handled };
  };

  it('counts every fact exactly once after a restart', async () => {
    const facts = participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading'],
      change: 'enrolled',
      teachers: FACTS,
    });
    for (let start = 0; start < facts.length; start += 500)
      await publisher.publish(
        fresh.topics.enrollmentFacts,
        facts.slice(start, start + 500).map((fact) => ({ key: fact.key, envelope: fact.envelope })),
      );

    const first = startConsumer();
    await eventually(async () => (first.handled() > 0 ? true : undefined), 90_000);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const countedBeforeTheKill = first.handled();
    expect(countedBeforeTheKill).toBeLessThan(FACTS);

    const second = startConsumer();
    const store = new MongoTallyStore(tallyModels(database.connection));
    const enrolled = async () =>
      (await store.shards(0, fresh.topics.enrollmentFacts, ['2026-11'])).reduce(
        (sum, shard) => sum + (shard.counters.get(ENROLLED_IN_LYON) ?? 0),
        0,
      );
    // The kill may land after the store counted a run but before Kafka committed it: that run comes
    // again and must change nothing.
    try {
      await eventually(async () => ((await enrolled()) >= FACTS ? true : undefined), 90_000);
    } catch (error) {
      const counted = await enrolled();
      throw new Error(
        `${counted} of ${FACTS} counted; the first consumer handled ${countedBeforeTheKill}, the second ${second.handled()}`,
        { cause: error },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await enrolled()).toBe(FACTS);
    expect(await fresh.deadLetters()).toBe(0);
  }, 180_000);
});
