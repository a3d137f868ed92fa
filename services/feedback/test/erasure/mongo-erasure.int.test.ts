import { randomBytes } from 'node:crypto';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { createFeedbackService } from '../../src/compose';
import { mongoStores } from '../../src/mongo';
import { describeErasure } from './erasure-scenarios';

describeErasure('mongoose', async () => {
  const database = await openTestDatabase('feedback-erasure');
  const { connection } = database;
  // Registers the models, so that their indexes exist before the first write.
  mongoStores(connection);
  await ensureIndexes(connection);
  return {
    build: (options) =>
      createFeedbackService({
        ...options,
        ...mongoStores(connection),
        authorKey: randomBytes(32).toString('base64url'),
      }),
    // Every collection of the test database, raw through the driver: what a database reader would see.
    storedDocuments: async () => {
      const db = connection.db;
      if (!db) throw new Error('the test database is not connected');
      const collections = (await db.listCollections().toArray()).map(({ name }) => name).sort();
      return Promise.all(
        collections.map(async (name) => ({ name, documents: await db.collection(name).find({}).toArray() })),
      );
    },
    close: () => database.drop(),
  };
});
