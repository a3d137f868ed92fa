import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { courseRevisionModel } from '../../src/infrastructure/mongo/course-model';
import { MongoCourseRepository } from '../../src/infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from '../../src/infrastructure/mongo/mongo-participation-counter';
import { describeRetentionScenario } from './retention-scenario';

// A database per test: the purge counts everything it finds, so each test starts from nothing.
describeRetentionScenario('mongoose', async () => {
  const database = await openTestDatabase('enrollment-retention');
  const revisions = courseRevisionModel(database.connection);
  const counted = countedCellModel(database.connection);
  await ensureIndexes(database.connection);
  return {
    courses: new MongoCourseRepository(revisions),
    counter: new MongoParticipationCounter(counted),
    close: () => database.drop(),
  };
});
