import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { MongoNotificationStore } from '../../src/infrastructure/mongo/mongo-notification-store';
import { notificationModels } from '../../src/infrastructure/mongo/notification-models';
import { describeNotificationStoreContract } from './notification-store-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('notifications');
  notificationModels(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeNotificationStoreContract(
  'mongoose',
  async () => {
    await Promise.all(Object.values(database.connection.models).map((model) => model.deleteMany({}).exec()));
    return new MongoNotificationStore(notificationModels(database.connection));
  },
  // As the collection held seals before they had a month.
  async (_store, itemId, sealedAuthor) => {
    await notificationModels(database.connection).authors.create({ _id: itemId, value: sealedAuthor });
  },
);
