import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { activityListModel, MongoActivityStore } from '../../src/infrastructure/mongo/mongo-activity-store';
import {
  completionMarkModel,
  MongoCompletionMarkStore,
} from '../../src/infrastructure/mongo/mongo-completion-mark-store';
import { describeProgressStoresContract } from './progress-stores-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('progress');
  activityListModel(database.connection);
  completionMarkModel(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeProgressStoresContract('mongoose', async () => ({
  activities: new MongoActivityStore(activityListModel(database.connection)),
  marks: new MongoCompletionMarkStore(completionMarkModel(database.connection)),
}));

describe('completion mark indexes', () => {
  it('index marks by course then participant, for the trainer’s view and the withdrawal clean-up', async () => {
    const indexes = await completionMarkModel(database.connection).listIndexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ courseId: 1, userId: 1 });
  });

  it('index marks by participant, so that a person’s own export reads only his marks', async () => {
    const indexes = await completionMarkModel(database.connection).listIndexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ userId: 1 });
  });
});
