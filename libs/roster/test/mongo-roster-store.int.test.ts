import { openTestDatabase } from '@relais/store/testing';
import { MongoRosterStore, rosterModel } from '../src/index';
import { describeRosterStoreContract } from '../src/testing/index';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('roster');
  await rosterModel(database.connection).createIndexes();
});
afterAll(async () => database.drop());

describeRosterStoreContract('mongoose', async () => new MongoRosterStore(rosterModel(database.connection)));
