import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { courseRevisionModel } from '../../src/infrastructure/mongo/course-model';
import { MongoCourseRepository } from '../../src/infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from '../../src/infrastructure/mongo/mongo-participation-counter';
import { describeEnrollmentRulesUnderConcurrency } from './enrollment-use-cases-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('enrollment-rules');
  courseRevisionModel(database.connection);
  countedCellModel(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeEnrollmentRulesUnderConcurrency('mongoose', async () => ({
  courses: new MongoCourseRepository(courseRevisionModel(database.connection)),
  counter: new MongoParticipationCounter(countedCellModel(database.connection)),
}));
