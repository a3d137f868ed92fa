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
    // Raw documents through the driver, not the models: what a database reader would see.
    storedDocuments: async () =>
      (
        await Promise.all(ownCollections.map((name) => connection.collection(name).find({}).toArray()))
      ).flat(),
    close: () => database.drop(),
  };
});
