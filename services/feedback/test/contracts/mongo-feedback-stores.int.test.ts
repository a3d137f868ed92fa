import { MongoOutboxStore } from '@relais/bus';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
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
import { describeFeedbackStoresContract } from './feedback-stores-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('feedback');
  feedbackRevisionModel(database.connection);
  quotaSlotModel(database.connection);
  countedRespondentModel(database.connection);
  messageModel(database.connection);
  counterModel(database.connection);
  authorshipModel(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeFeedbackStoresContract('mongoose', async () => {
  // Each test gets empty collections: the outbox test reads every pending fact of the collection.
  await Promise.all(Object.values(database.connection.models).map((model) => model.deleteMany({}).exec()));
  const revisions = feedbackRevisionModel(database.connection);
  return {
    items: new MongoFeedbackItemStore(revisions),
    authorship: new MongoAuthorshipIndex(authorshipModel(database.connection)),
    outbox: new MongoOutboxStore(revisions),
    respondents: new MongoRespondentCounter(countedRespondentModel(database.connection)),
    quota: new MongoDailyQuota(quotaSlotModel(database.connection)),
    messages: new MongoMessageStore(messageModel(database.connection), counterModel(database.connection)),
    messageOutbox: new MongoOutboxStore(messageModel(database.connection)),
  };
});
