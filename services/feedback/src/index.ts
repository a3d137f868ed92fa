export { createFeedbackService, type FeedbackModule, type FeedbackPorts } from './compose';
export type { RetentionLog } from './application/ports';
export type { RetentionPass } from './application/retention';
export type { ErasureCounts, ErasureUseCases } from './application/erasure';
export { retentionJobName } from './application/retention-job';
export { createInMemoryFeedbackService, inMemoryAdapters, type InMemoryFeedbackOptions } from './in-memory';
export { mongoAdapters } from './mongo';
export { defaultLimits, type FeedbackLimits } from './application/quotas';
export { InMemoryMessageStore } from './infrastructure/memory/in-memory-message-store';
export {
  InMemoryFeedbackItemStore,
  inMemoryFeedbackItemStores,
} from './infrastructure/memory/in-memory-feedback-item-store';
export { InMemoryRespondentCounter } from './infrastructure/memory/in-memory-respondent-counter';
export { InMemoryAuthorshipIndex } from './infrastructure/memory/in-memory-authorship-index';
export { MongoAuthorshipIndex, authorshipModel } from './infrastructure/mongo/mongo-authorship-index';
export { feedbackConfigSchema } from './config';
export { InMemoryDailyQuota } from './infrastructure/memory/in-memory-daily-quota';
export { MongoMessageStore, messageModel, counterModel } from './infrastructure/mongo/mongo-message-store';
export { MongoFeedbackItemStore } from './infrastructure/mongo/mongo-feedback-item-store';
export { feedbackRevisionModel } from './infrastructure/mongo/feedback-item-model';
export {
  MongoRespondentCounter,
  countedRespondentModel,
} from './infrastructure/mongo/mongo-respondent-counter';
export { MongoDailyQuota, quotaSlotModel } from './infrastructure/mongo/mongo-daily-quota';
