import type { ProductionInfrastructure } from '@relais/host';
import { createLogger } from '@relais/platform';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import type { ProgressPorts } from './compose';
import { activityListModel, MongoActivityStore } from './infrastructure/mongo/mongo-activity-store';
import {
  completionMarkModel,
  MongoCompletionMarkStore,
} from './infrastructure/mongo/mongo-completion-mark-store';

/** Every port of progress on MongoDB, in its own database: production. */
export function mongoAdapters({ config, connection, verifier }: ProductionInfrastructure): ProgressPorts {
  return {
    rosters: new MongoRosterStore(rosterModel(connection)),
    activities: new MongoActivityStore(activityListModel(connection)),
    marks: new MongoCompletionMarkStore(completionMarkModel(connection)),
    verifier,
    // Its own logger, like notifications': the host's is not handed to services. Redacted the same way.
    log: createLogger({ service: 'progress', level: config.LOG_LEVEL }),
  };
}
