import { z } from 'zod';
import { MongoOutboxStore } from '@relais/bus';
import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { createFeedbackService } from './compose';
import { MongoDailyQuota, quotaSlotModel } from './infrastructure/mongo/mongo-daily-quota';
import { feedbackRevisionModel } from './infrastructure/mongo/feedback-item-model';
import { MongoFeedbackItemStore } from './infrastructure/mongo/mongo-feedback-item-store';
import { counterModel, messageModel, MongoMessageStore } from './infrastructure/mongo/mongo-message-store';
import {
  countedRespondentModel,
  MongoRespondentCounter,
} from './infrastructure/mongo/mongo-respondent-counter';

const own = loadConfig(
  z.object({
    FEEDBACK_AUTHOR_KEY: z
      .string()
      .min(32, 'at least 32 characters')
      .describe(
        'secret key of the one-way tokens that recognise the author of an anonymous item (kept outside ' +
          'the database; changing it makes existing items unrecognisable to their authors)',
      ),
  }),
);

await runProductionService('feedback', 8083, ({ connection, verifier }) => {
  const revisions = feedbackRevisionModel(connection);
  return createFeedbackService({
    rosters: new MongoRosterStore(rosterModel(connection)),
    items: new MongoFeedbackItemStore(revisions),
    // The outbox is in the revisions: each holds the facts of its save until the relay publishes them.
    outbox: new MongoOutboxStore(revisions),
    respondents: new MongoRespondentCounter(countedRespondentModel(connection)),
    quota: new MongoDailyQuota(quotaSlotModel(connection)),
    messages: new MongoMessageStore(messageModel(connection), counterModel(connection)),
    verifier,
    authorKey: own.FEEDBACK_AUTHOR_KEY,
  });
});
