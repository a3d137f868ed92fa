import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { MongoTallyStore, tallyModels } from '../../src/index';
import { describeStatsRoutes } from './stats-routes-suite';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('stats-http');
  tallyModels(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeStatsRoutes('mongoose', async () => new MongoTallyStore(tallyModels(database.connection)));
