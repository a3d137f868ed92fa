import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import {
  erasureRequestModel,
  MongoErasureRequestStore,
} from '../../src/infrastructure/mongo/mongo-erasure-requests';
import { describeErasureRequestStoreContract } from './erasure-request-store-contract';

describeErasureRequestStoreContract('MongoDB', async () => {
  const database = await openTestDatabase('enrollment-erasure-requests');
  const model = erasureRequestModel(database.connection);
  await ensureIndexes(database.connection);
  return { store: new MongoErasureRequestStore(model), close: () => database.drop() };
});
