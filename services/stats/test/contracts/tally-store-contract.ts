import { randomUUID } from 'node:crypto';
import type { CountedFact, TallyStore } from '../../src/index';

const topic = 'enrollment.facts.v1';
const onPartition = (partition = 0) => ({ topic, partition });
const fact = (offset: number, month: string, increments: string[], factId = randomUUID()): CountedFact => ({
  offset,
  factId,
  month,
  increments,
});
const countersOf = async (store: TallyStore, generation: number, month: string) => {
  const counters = new Map<string, number>();
  for (const shard of await store.shards(generation, topic, [month]))
    for (const [key, count] of shard.counters) counters.set(key, (counters.get(key) ?? 0) + count);
  return counters;
};

/** One suite, two adapters (docs/design.md §3): what the in-memory store does, the mongoose one does too. */
export function describeTallyStoreContract(adapterName: string, open: () => Promise<TallyStore>): void {
  describe(`tally store contract: ${adapterName}`, () => {
    let store: TallyStore;
    let generation: number;
    beforeEach(async () => {
      store = await open();
      generation = 1_000 + Math.floor(Math.random() * 1_000_000);
    });

    it('adds one to each named counter, per partition and month', async () => {
      expect(
        await store.applyRun(generation, onPartition(0), [
          fact(0, '2026-11', ['a', 'b']),
          fact(1, '2026-11', ['a']),
          fact(2, '2026-12', ['a']),
        ]),
      ).toEqual([true, true, true]);
      expect(await store.applyRun(generation, onPartition(1), [fact(0, '2026-11', ['a'])])).toEqual([true]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      );
      expect(await store.shards(generation, topic, ['2026-11'])).toHaveLength(2);
      expect(await store.shards(generation, 'feedback.facts.v1', ['2026-11'])).toEqual([]);
    });

    it('counts runs that follow each other on a partition, a month shard at a time', async () => {
      await store.applyRun(generation, onPartition(), [fact(0, '2026-11', ['a']), fact(1, '2026-10', ['a'])]);
      expect(
        await store.applyRun(generation, onPartition(), [
          fact(2, '2026-10', ['a']),
          fact(3, '2026-11', ['b']),
        ]),
      ).toEqual([true, true]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
      );
      expect(await countersOf(store, generation, '2026-10')).toEqual(new Map([['a', 2]]));
    });

    it('shows facts applied after an earlier read, on any partition, including a new one', async () => {
      await store.applyRun(generation, onPartition(0), [fact(0, '2026-11', ['a'])]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(new Map([['a', 1]]));
      await store.applyRun(generation, onPartition(0), [
        fact(1, '2026-10', ['b']),
        fact(2, '2026-11', ['a']),
      ]);
      await store.applyRun(generation, onPartition(4), [fact(0, '2026-11', ['c'])]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(
        new Map([
          ['a', 2],
          ['c', 1],
        ]),
      );
      expect(await store.shards(generation, topic, ['2026-11'])).toHaveLength(2);
    });

    it('changes nothing for a redelivered run, nor for a fact published twice', async () => {
      const id = randomUUID();
      const run = [fact(4, '2026-11', ['a']), fact(5, '2026-11', ['a'], id)];
      expect(await store.applyRun(generation, onPartition(), run)).toEqual([true, true]);
      expect(await store.applyRun(generation, onPartition(), run)).toEqual([false, false]);
      expect(await store.applyRun(generation, onPartition(), [fact(3, '2026-11', ['a'])])).toEqual([false]);
      // Republished later on the same partition, or on another one.
      expect(await store.applyRun(generation, onPartition(), [fact(9, '2026-11', ['a'], id)])).toEqual([
        false,
      ]);
      expect(await store.applyRun(generation, onPartition(2), [fact(0, '2026-11', ['a'], id)])).toEqual([
        false,
      ]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(new Map([['a', 2]]));
    });

    it('counts a fact published twice within one run once', async () => {
      const id = randomUUID();
      expect(
        await store.applyRun(generation, onPartition(), [
          fact(0, '2026-11', ['a'], id),
          fact(1, '2026-11', ['b']),
          fact(2, '2026-11', ['a'], id),
        ]),
      ).toEqual([true, true, false]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
      );
    });

    it('applies a fact marked at this very position to a shard that has not seen it (a crash between the two writes)', async () => {
      const id = randomUUID();
      expect(await store.applyRun(generation, onPartition(), [fact(7, '2026-10', ['a'], id)])).toEqual([
        true,
      ]);
      // The same fact, read again at the same place in another month's shard: that shard never saw it.
      expect(await store.applyRun(generation, onPartition(), [fact(7, '2026-09', ['b'], id)])).toEqual([
        true,
      ]);
      expect(await countersOf(store, generation, '2026-09')).toEqual(new Map([['b', 1]]));
    });

    it('applies the unseen part of a run whose earlier part was already applied', async () => {
      const run = [fact(0, '2026-11', ['a']), fact(1, '2026-11', ['a']), fact(2, '2026-11', ['a'])];
      await store.applyRun(generation, onPartition(), run.slice(0, 2));
      expect(await store.applyRun(generation, onPartition(), run)).toEqual([false, false, true]);
      expect(await countersOf(store, generation, '2026-11')).toEqual(new Map([['a', 3]]));
    });

    it('applies runs of several partitions handed over at once, a fact published on two of them once', async () => {
      const id = randomUUID();
      const months = Array.from(
        { length: 20 },
        (_, index) => `2025-${String((index % 12) + 1).padStart(2, '0')}`,
      );
      const runOf = (partition: number) =>
        months.map((month, offset) => fact(offset, month, [`p${partition}`]));
      const [first, second, third] = await Promise.all([
        store.applyRun(generation, onPartition(0), runOf(0)),
        store.applyRun(generation, onPartition(1), [...runOf(1), fact(20, '2026-11', ['a'], id)]),
        store.applyRun(generation, onPartition(2), [...runOf(2), fact(20, '2026-11', ['a'], id)]),
        // A second run of partition 0, handed over before the first was written: it follows it.
        store.applyRun(generation, onPartition(0), [fact(19, '2025-08', ['p0']), fact(20, '2026-11', ['b'])]),
      ]).then(([zero, one, two, zeroAgain]) => {
        expect(zero!.every(Boolean)).toBe(true);
        expect(zeroAgain).toEqual([false, true]);
        return [zero!, one!, two!] as const;
      });
      expect(first).toHaveLength(20);
      expect(second.slice(0, 20).every(Boolean) && third.slice(0, 20).every(Boolean)).toBe(true);
      expect([second[20], third[20]].filter(Boolean)).toHaveLength(1);
      expect(await countersOf(store, generation, '2026-11')).toEqual(
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
      );
      expect(await countersOf(store, generation, '2025-03')).toEqual(
        new Map([
          ['p0', 2],
          ['p1', 2],
          ['p2', 2],
        ]),
      );
    });

    it('keeps generations apart, switches the active one and drops one whole', async () => {
      await store.applyRun(generation, onPartition(), [fact(0, '2026-11', ['old'])]);
      await store.applyRun(generation + 1, onPartition(), [fact(0, '2026-11', ['new'])]);
      await store.activate(generation + 1);
      expect(await store.activeGeneration()).toBe(generation + 1);
      await store.drop(generation);
      expect(await store.shards(generation, topic, ['2026-11'])).toEqual([]);
      expect(await countersOf(store, generation + 1, '2026-11')).toEqual(new Map([['new', 1]]));
      // A dropped generation forgets its facts too: rebuilding it counts them again.
      expect(await store.applyRun(generation, onPartition(), [fact(0, '2026-11', ['old'])])).toEqual([true]);
    });

    it('stores a release once: a second publication of the same id answers the first, and a drop keeps it', async () => {
      const id = `ministry-enrollments/contract-${generation}`;
      expect(await store.release(id)).toBeUndefined();
      expect(await store.publish(id, '{"first":true}')).toBe('{"first":true}');
      expect(await store.publish(id, '{"first":false}')).toBe('{"first":true}');
      await Promise.all([store.publish(`${id}-race`, 'a'), store.publish(`${id}-race`, 'b')]);
      const raced = await store.release(`${id}-race`);
      expect(['a', 'b']).toContain(raced);
      expect(await store.publish(`${id}-race`, 'c')).toBe(raced);
      // Releases belong to no generation: a rebuild's swap and drop leave them as published.
      await store.drop(generation);
      expect(await store.release(id)).toBe('{"first":true}');
    });
  });
}
