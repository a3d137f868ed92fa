import { randomBytes } from 'node:crypto';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { createNotificationsService } from '../../src/compose';
import { MongoNotificationStore } from '../../src/infrastructure/mongo/mongo-notification-store';
import { notificationModels } from '../../src/infrastructure/mongo/notification-models';
import { describeNotificationsOverHttp } from './notifications-http-scenarios';

describeNotificationsOverHttp('mongoose', async () => {
  const database = await openTestDatabase('notifications-http');
  const models = notificationModels(database.connection);
  const rosters = rosterModel(database.connection);
  await ensureIndexes(database.connection);
  return {
    build: (options) =>
      createNotificationsService({
        ...options,
        rosters: new MongoRosterStore(rosters),
        store: new MongoNotificationStore(models),
        unsubscribeKey: randomBytes(32).toString('base64url'),
        workerIntervalMs: 3_600_000,
      }),
    storedDocuments: async () => {
      const db = database.connection.db!;
      const documents: unknown[] = [];
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        documents.push(...(await db.collection(name).find().toArray()));
      }
      return documents;
    },
    close: () => database.drop(),
  };
});
