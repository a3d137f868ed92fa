import { runProductionService } from '@relais/host';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { createProgressService } from './compose';
import { activityListModel, MongoActivityStore } from './infrastructure/mongo/mongo-activity-store';
import {
  completionMarkModel,
  MongoCompletionMarkStore,
} from './infrastructure/mongo/mongo-completion-mark-store';

await runProductionService('progress', 8082, ({ connection, verifier }) =>
  createProgressService({
    rosters: new MongoRosterStore(rosterModel(connection)),
    activities: new MongoActivityStore(activityListModel(connection)),
    marks: new MongoCompletionMarkStore(completionMarkModel(connection)),
    verifier,
  }),
);
