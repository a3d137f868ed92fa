import { runProductionService } from '@relais/host';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { createFeedbackService } from './compose';
import { counterModel, messageModel, MongoMessageStore } from './infrastructure/mongo/mongo-message-store';

await runProductionService('feedback', 8083, ({ connection, verifier }) =>
  createFeedbackService({
    rosters: new MongoRosterStore(rosterModel(connection)),
    messages: new MongoMessageStore(messageModel(connection), counterModel(connection)),
    verifier,
  }),
);
