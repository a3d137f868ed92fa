import { MongoOutboxStore } from '@relais/bus';
import type { ProductionInfrastructure } from '@relais/host';
import { createLogger } from '@relais/platform';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import type { FeedbackPorts } from './compose';
import type { feedbackConfigSchema } from './config';
import { authorshipModel, MongoAuthorshipIndex } from './infrastructure/mongo/mongo-authorship-index';
import { MongoDailyQuota, quotaSlotModel } from './infrastructure/mongo/mongo-daily-quota';
import { feedbackRevisionModel } from './infrastructure/mongo/feedback-item-model';
import { MongoFeedbackItemStore } from './infrastructure/mongo/mongo-feedback-item-store';
import { counterModel, messageModel, MongoMessageStore } from './infrastructure/mongo/mongo-message-store';
import {
  countedRespondentModel,
  MongoRespondentCounter,
} from './infrastructure/mongo/mongo-respondent-counter';

/** The stores of feedback on one database: production's, and the integration tests' through the same code. */
export function mongoStores(connection: Connection) {
  const revisions = feedbackRevisionModel(connection);
  const messages = messageModel(connection);
  return {
    rosters: new MongoRosterStore(rosterModel(connection)),
    items: new MongoFeedbackItemStore(revisions),
    authorship: new MongoAuthorshipIndex(authorshipModel(connection)),
    // The outbox is in the revisions: each holds the facts of its save until the relay publishes them.
    outbox: new MongoOutboxStore(revisions),
    respondents: new MongoRespondentCounter(countedRespondentModel(connection)),
    quota: new MongoDailyQuota(quotaSlotModel(connection)),
    messages: new MongoMessageStore(messages, counterModel(connection)),
    // The messages hold the events of their sending likewise.
    messageOutbox: new MongoOutboxStore(messages),
  } satisfies Partial<FeedbackPorts>;
}

/** Every port of feedback on MongoDB, in its own database: production. */
export function mongoAdapters(
  { config, connection, verifier }: ProductionInfrastructure,
  own: z.output<typeof feedbackConfigSchema>,
): FeedbackPorts {
  return {
    ...mongoStores(connection),
    verifier,
    authorKey: own.FEEDBACK_AUTHOR_KEY,
    anonymityThreshold: own.FEEDBACK_ANONYMITY_THRESHOLD,
    ...(own.NOTIFICATIONS_RECIPIENT_PUBLIC_KEY
      ? { recipientSealKey: own.NOTIFICATIONS_RECIPIENT_PUBLIC_KEY }
      : {}),
    // The retention job's own logger, like progress's and notifications': the host's is not handed
    // to services. Redacted the same way.
    log: createLogger({ service: 'feedback', level: config.LOG_LEVEL }),
  };
}
