import { randomBytes } from 'node:crypto';
import { MongoOutboxStore } from '@relais/bus';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { createFeedbackService } from '../../src/compose';
import { authorshipModel, MongoAuthorshipIndex } from '../../src/infrastructure/mongo/mongo-authorship-index';
import { feedbackRevisionModel } from '../../src/infrastructure/mongo/feedback-item-model';
import { MongoDailyQuota, quotaSlotModel } from '../../src/infrastructure/mongo/mongo-daily-quota';
import { MongoFeedbackItemStore } from '../../src/infrastructure/mongo/mongo-feedback-item-store';
import {
  counterModel,
  messageModel,
  MongoMessageStore,
} from '../../src/infrastructure/mongo/mongo-message-store';
import {
  countedRespondentModel,
  MongoRespondentCounter,
} from '../../src/infrastructure/mongo/mongo-respondent-counter';
import { describeErasure } from './erasure-scenarios';

describeErasure('mongoose', async () => {
  const database = await openTestDatabase('feedback-erasure');
  const { connection } = database;
  const revisions = feedbackRevisionModel(connection);
  for (const model of [
    rosterModel,
    quotaSlotModel,
    countedRespondentModel,
    messageModel,
    counterModel,
    authorshipModel,
  ]) {
    model(connection);
  }
  await ensureIndexes(connection);
  return {
    build: (options) =>
      createFeedbackService({
        ...options,
        rosters: new MongoRosterStore(rosterModel(connection)),
        items: new MongoFeedbackItemStore(revisions),
        authorship: new MongoAuthorshipIndex(authorshipModel(connection)),
        outbox: new MongoOutboxStore(revisions),
        respondents: new MongoRespondentCounter(countedRespondentModel(connection)),
        quota: new MongoDailyQuota(quotaSlotModel(connection)),
        messages: new MongoMessageStore(messageModel(connection), counterModel(connection)),
        messageOutbox: new MongoOutboxStore(messageModel(connection)),
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
