import { MongoRosterStore, rosterModel } from '@relais/roster';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import {
  activityListModel,
  completionMarkModel,
  MongoActivityStore,
  MongoCompletionMarkStore,
} from '../../src/index';
import { describeProgressOverHttp } from './progress-over-http-scenarios';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
afterAll(async () => database.drop());

describeProgressOverHttp('mongoose', async () => {
  database = await openTestDatabase('progress-http');
  const { connection } = database;
  const stores = {
    rosters: new MongoRosterStore(rosterModel(connection)),
    activities: new MongoActivityStore(activityListModel(connection)),
    marks: new MongoCompletionMarkStore(completionMarkModel(connection)),
  };
  await ensureIndexes(connection);
  return stores;
});
