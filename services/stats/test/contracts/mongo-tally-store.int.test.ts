import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openTestDatabase } from '@relais/store/testing';
import { ensureIndexes } from '@relais/store';
import { MongoTallyStore, tallyModels } from '../../src/index';
import { describeTallyStoreContract } from './tally-store-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('stats');
  tallyModels(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeTallyStoreContract('mongoose', async () => new MongoTallyStore(tallyModels(database.connection)));

describe('MongoTallyStore', () => {
  it('writes runs of several partitions handed over at once together: one command for their shards, one for their heads', async () => {
    const models = tallyModels(database.connection);
    const store = new MongoTallyStore(models);
    const generation = 2_000_000 + Math.floor(Math.random() * 1_000_000);
    const topic = 'feedback.facts.v1';
    const runOf = (offset: number) => [{ offset, factId: randomUUID(), month: '2026-11', increments: ['a'] }];
    // Registers the partitions first, so that only the runs' own writes are counted below.
    await store.applyRun(generation, { topic, partition: 5 }, runOf(0));
    const shardWrites = jest.spyOn(models.shards, 'bulkWrite');
    const headWrites = jest.spyOn(models.partitions, 'bulkWrite');
    try {
      const applied = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((partition) => store.applyRun(generation, { topic, partition }, runOf(1))),
      );
      expect(applied).toEqual([[true], [true], [true], [true], [true], [true]]);
      expect(shardWrites).toHaveBeenCalledTimes(1);
      expect(headWrites).toHaveBeenCalledTimes(1);
      const shards = await store.shards(generation, topic, ['2026-11']);
      expect(shards.map((shard) => shard.counters.get('a')).sort()).toEqual([1, 1, 1, 1, 1, 2]);
    } finally {
      shardWrites.mockRestore();
      headWrites.mockRestore();
    }
  });
});
