import { randomBytes } from 'node:crypto';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { createFeedbackService } from '../../src/compose';
import { mongoStores } from '../../src/mongo';
import { describeFeedbackOverHttp } from './feedback-http-scenarios';

const ownCollections = [
  'feedback_item_revisions',
  'counted_respondents',
  'quota_slots',
  'feedback_authorship',
];

describeFeedbackOverHttp('mongoose', async () => {
  const database = await openTestDatabase('feedback-http');
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
    // Raw documents through the driver, not the models: what a database reader would see.
    storedDocuments: async () =>
      (
        await Promise.all(ownCollections.map((name) => connection.collection(name).find({}).toArray()))
      ).flat(),
    close: () => database.drop(),
  };
});
