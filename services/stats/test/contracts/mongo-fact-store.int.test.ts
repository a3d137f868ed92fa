import { openTestDatabase } from '@relais/store/testing';
import { MongoParticipationFactStore, participationFactModel } from '../../src/index';
import { describeFactStoreContract } from './fact-store-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('stats');
  await participationFactModel(database.connection).createIndexes();
});
afterAll(async () => database.drop());

describeFactStoreContract(
  'mongoose',
  async () => new MongoParticipationFactStore(participationFactModel(database.connection)),
);
