import { MongoOutboxStore } from '@relais/bus';
import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { createFeedbackService } from './compose';
import { feedbackConfigSchema } from './config';
import { authorshipModel, MongoAuthorshipIndex } from './infrastructure/mongo/mongo-authorship-index';
import { MongoDailyQuota, quotaSlotModel } from './infrastructure/mongo/mongo-daily-quota';
import { feedbackRevisionModel } from './infrastructure/mongo/feedback-item-model';
import { MongoFeedbackItemStore } from './infrastructure/mongo/mongo-feedback-item-store';
import { counterModel, messageModel, MongoMessageStore } from './infrastructure/mongo/mongo-message-store';
import {
  countedRespondentModel,
  MongoRespondentCounter,
} from './infrastructure/mongo/mongo-respondent-counter';

const own = loadConfig(feedbackConfigSchema);

await runProductionService('feedback', 8083, ({ connection, verifier }) => {
  const revisions = feedbackRevisionModel(connection);
  return createFeedbackService({
    rosters: new MongoRosterStore(rosterModel(connection)),
    items: new MongoFeedbackItemStore(revisions),
    authorship: new MongoAuthorshipIndex(authorshipModel(connection)),
    // The outbox is in the revisions: each holds the facts of its save until the relay publishes them.
    outbox: new MongoOutboxStore(revisions),
    respondents: new MongoRespondentCounter(countedRespondentModel(connection)),
    quota: new MongoDailyQuota(quotaSlotModel(connection)),
    messages: new MongoMessageStore(messageModel(connection), counterModel(connection)),
    verifier,
    authorKey: own.FEEDBACK_AUTHOR_KEY,
    anonymityThreshold: own.FEEDBACK_ANONYMITY_THRESHOLD,
    ...(own.NOTIFICATIONS_RECIPIENT_PUBLIC_KEY
      ? { recipientSealKey: own.NOTIFICATIONS_RECIPIENT_PUBLIC_KEY }
      : {}),
  });
});
