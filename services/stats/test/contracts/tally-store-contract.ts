import { randomUUID } from 'node:crypto';
import type { TallyStore } from '../../src/index';

const topic = 'enrollment.facts.v1';
const at = (offset: number, partition = 0) => ({ topic, partition, offset });
const countersOf = async (store: TallyStore, generation: number, month: string) => {
  const counters = new Map<string, number>();
  for (const shard of await store.shards(generation, topic, [month]))
    for (const [key, count] of shard.counters) counters.set(key, (counters.get(key) ?? 0) + count);
  return counters;
};

/** One suite, two adapters (DESIGN §3): what the in-memory store does, the mongoose one does too. */
export function describeTallyStoreContract(adapterName: string, open: () => Promise<TallyStore>): void {
  describe(`tally store contract: ${adapterName}`, () => {
    let store: TallyStore;
    let generation: number;
    beforeEach(async () => {
      store = await open();
      generation = 1_000 + Math.floor(Math.random() * 1_000_000);
    });

    it('adds one to each named counter, per partition and month', async () => {
      expect(await store.apply(generation, at(0), '2026-11', randomUUID(), ['a', 'b'])).toBe(true);
      expect(await store.apply(generation, at(1), '2026-11', randomUUID(), ['a'])).toBe(true);
      expect(await store.apply(generation, at(0, 1), '2026-11', randomUUID(), ['a'])).toBe(true);
      expect(await store.apply(generation, at(2), '2026-12', randomUUID(), ['a'])).toBe(true);
      expect(await countersOf(store, generation, '2026-11')).toEqual(
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      );
      expect(await store.shards(generation, topic, ['2026-11'])).toHaveLength(2);
      expect(await store.shards(generation, 'feedback.facts.v1', ['2026-11'])).toEqual([]);
    });

    it('changes nothing for a redelivered offset, nor for a fact published twice', async () => {
      const id = randomUUID();
      expect(await store.apply(generation, at(5), '2026-11', id, ['a'])).toBe(true);
      expect(await store.apply(generation, at(5), '2026-11', id, ['a'])).toBe(false);
      expect(await store.apply(generation, at(3), '2026-11', randomUUID(), ['a'])).toBe(false);
      expect(await store.apply(generation, at(9), '2026-11', id, ['a'])).toBe(false);
      expect(await countersOf(store, generation, '2026-11')).toEqual(new Map([['a', 1]]));
    });

    it('applies a fact marked at this very position to a shard that has not seen it (a crash between the two writes)', async () => {
      const id = randomUUID();
      expect(await store.apply(generation, at(7), '2026-10', id, ['a'])).toBe(true);
      // The same fact, read again at the same place in another month's shard: that shard never saw it.
      expect(await store.apply(generation, at(7), '2026-09', id, ['b'])).toBe(true);
    });

    it('keeps generations apart, switches the active one and drops one whole', async () => {
      await store.apply(generation, at(0), '2026-11', randomUUID(), ['old']);
      await store.apply(generation + 1, at(0), '2026-11', randomUUID(), ['new']);
      await store.activate(generation + 1);
      expect(await store.activeGeneration()).toBe(generation + 1);
      await store.drop(generation);
      expect(await store.shards(generation, topic, ['2026-11'])).toEqual([]);
      expect(await countersOf(store, generation + 1, '2026-11')).toEqual(new Map([['new', 1]]));
      // A dropped generation forgets its facts too: rebuilding it counts them again.
      expect(await store.apply(generation, at(0), '2026-11', randomUUID(), ['old'])).toBe(true);
    });
  });
}
