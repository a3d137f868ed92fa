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
