import { randomUUID } from 'node:crypto';
import { allContracts } from '@relais/contracts';
import { InMemoryEventBus } from '@relais/bus';
import {
  createInMemoryStatsService,
  InMemoryTallyStore,
  parsePeriod,
  rebuildTables,
  StatsQueries,
} from '../../src/index';
import { everyTestPeriodPublished, participations } from '../support/facts';
import { mixedFacts, tablesOf } from '../support/mixed-facts';
import { statsOnBus } from '../support/stats-on-bus';
import { unreleased } from '../support/unreleased';

const november = parsePeriod('2026-11')!;
const enrolledIn = async (queries: StatsQueries, academy: string) =>
  (await queries.ministryEnrollments(november, 'academy')).cells.find(
    (cell) => cell.academy === academy && cell.measure === 'teachers-enrolled',
  )?.value;

describe('what stats listens to (L11)', () => {
  const service = createInMemoryStatsService({
    verifier: { verify: async () => Promise.reject(new Error('not used')) },
    minimumCount: 11,
  });

  it('subscribes to facts topics only, never to a topic of events with person references', () => {
    expect(service.subscriptions.map((subscription) => subscription.topic).sort()).toEqual([
      'enrollment.facts.v1',
      'feedback.facts.v1',
    ]);
  });

  it('handles every anonymous contract and nothing else', () => {
    const handled = service.subscriptions
      .flatMap((subscription) => Object.keys(subscription.handlers))
      .sort();
    const anonymous = allContracts.filter((contract) => contract.classification === 'anonymous');
    expect(handled).toEqual(anonymous.map((contract) => contract.type).sort());
  });
});

describe('facts into tables', () => {
  it('counts a replayed fact once: redelivered or published twice', async () => {
    const stats = await statsOnBus({ minimumCount: 1 });
    const facts = participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading'],
      change: 'enrolled',
      teachers: 3,
    });
    await stats.publish(facts);
    await stats.publish(facts); // the relay publishing the same facts again, at new offsets
    expect(await enrolledIn(stats.queries, 'lyon')).toBe(3);
  });

  it('counts facts that were in flight when the consumer crashed exactly once', async () => {
    const stats = await statsOnBus({ minimumCount: 1 });
    await stats.publish(
      participations({
        month: '2026-11',
        academy: 'lyon',
        themes: ['reading'],
        change: 'enrolled',
        teachers: 4,
      }),
    );
    stats.bus.crashConsumer('stats'); // nothing committed is lost; the next member starts from the committed offsets
    const again = await statsOnBus({ minimumCount: 1, tallies: stats.tallies, bus: stats.bus });
    await again.publish(
      participations({
        month: '2026-11',
        academy: 'lyon',
        themes: ['reading'],
        change: 'enrolled',
        teachers: 2,
      }),
    );
    expect(await enrolledIn(again.queries, 'lyon')).toBe(6);
  });

  it('sends a malformed fact to the dead-letter topic and keeps counting the partition', async () => {
    const bus = new InMemoryEventBus({
      partitions: 1,
      maxAttempts: 2,
      retryBackoffMs: { initial: 0, max: 0 },
    });
    const stats = await statsOnBus({ minimumCount: 1, bus });
    const [good] = participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading'],
      change: 'enrolled',
      teachers: 1,
    });
    const bad = {
      ...good!.envelope,
      id: randomUUID(),
      data: { ...(good!.envelope.data as object), month: 'November' },
    };
    await bus.publish('enrollment.facts.v1', [{ key: 'lyon:2026-11', envelope: bad }]);
    await stats.publish([good!]);
    expect(await enrolledIn(stats.queries, 'lyon')).toBe(1);
    const dead = bus.records('enrollment.facts.v1.dlq');
    expect(dead).toHaveLength(1);
    expect(JSON.parse(dead[0]!.value!).id).toBe(bad.id);
    expect(dead[0]!.headers['x-dlq-reason']).toMatch(/^ContractViolation/);
  });
});

describe('rebuilding every table from the beginning of the facts topics', () => {
  it('gives the same tables as the incremental path, then swaps them in', async () => {
    const stats = await statsOnBus({ minimumCount: 11 });
    const facts = mixedFacts();
    await stats.publish(facts);
    const fromCounters = () =>
      new StatsQueries(unreleased(stats.tallies), { minimumCount: 11 }, everyTestPeriodPublished);
    const incremental = await tablesOf(fromCounters());

    const steps: string[] = [];
    const result = await rebuildTables({
      store: stats.tallies,
      bus: stats.bus,
      groupPrefix: 'stats.rebuild-test',
      total: facts.length,
      untilReplayed: () => stats.bus.idle(),
      progress: {
        start: (total) => steps.push(`start ${total}`),
        advance: () => undefined,
        stop: () => steps.push('stop'),
      },
    });

    expect(result).toEqual({ generation: 1, facts: facts.length });
    expect(steps).toEqual([`start ${facts.length}`, 'stop']);
    expect(await stats.tallies.activeGeneration()).toBe(1);
    expect(await tablesOf(fromCounters())).toEqual(incremental);
    expect(await stats.tallies.shards(0, 'enrollment.facts.v1', ['2026-11'])).toEqual([]);
    // The live consumers, started again, find the rebuilt tables up to date: nothing counts twice.
    await stats.publish(
      participations({
        month: '2026-11',
        academy: 'lyon',
        themes: ['reading'],
        change: 'enrolled',
        teachers: 11,
      }),
    );
    const shards = await stats.tallies.shards(1, 'enrollment.facts.v1', ['2026-10', '2026-11']);
    const enrolledInLyon = shards.reduce(
      (sum, shard) => sum + (shard.counters.get('teachers|enrolled|academy|month|lyon') ?? 0),
      0,
    );
    expect(enrolledInLyon).toBe(13 + 11);
  });

  it('shows a rebuild of an empty store as complete', async () => {
    const tallies = new InMemoryTallyStore();
    const bus = new InMemoryEventBus();
    const result = await rebuildTables({
      store: tallies,
      bus,
      groupPrefix: 'stats.empty',
      total: 0,
      untilReplayed: () => bus.idle(),
    });
    expect(result).toEqual({ generation: 1, facts: 0 });
  });
});
