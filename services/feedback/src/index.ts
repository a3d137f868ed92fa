export { createFeedbackService, type FeedbackPorts, type FeedbackService } from './compose';
export { InMemoryMessageStore } from './infrastructure/memory/in-memory-message-store';
export { MongoMessageStore, messageModel, counterModel } from './infrastructure/mongo/mongo-message-store';
export { createInMemoryFeedbackService } from './in-memory';
