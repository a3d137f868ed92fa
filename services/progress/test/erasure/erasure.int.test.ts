import { MongoRosterStore, rosterModel } from '@relais/roster';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import {
  activityListModel,
  completionMarkModel,
  MongoActivityStore,
  MongoCompletionMarkStore,
} from '../../src/index';
import { describeProgressErasure } from './erasure-scenarios';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
afterAll(async () => database.drop());

describeProgressErasure('mongoose', async () => {
  database = await openTestDatabase('progress-erasure');
  const { connection } = database;
  const stores = {
    rosters: new MongoRosterStore(rosterModel(connection)),
    activities: new MongoActivityStore(activityListModel(connection)),
    marks: new MongoCompletionMarkStore(completionMarkModel(connection)),
  };
  await ensureIndexes(connection);
  return {
    ...stores,
    /** Every collection of the test database, read around mongoose: what is there, not what a schema says. */
    storedDocuments: async () => {
      const db = connection.db;
      if (!db) throw new Error('the test database is not connected');
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      const documents = await Promise.all(
        collections.map(({ name }) => db.collection(name).find({}).toArray()),
      );
      return documents.flat();
    },
  };
});
