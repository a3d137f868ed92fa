import { openTestDatabase } from '@relais/store/testing';
import { ensureIndexes } from '@relais/store';
import { courseModel } from '../../src/infrastructure/mongo/course-model';
import { MongoCourseRepository } from '../../src/infrastructure/mongo/mongo-course-repository';
import { countedCellModel, MongoParticipationCounter } from '../../src/infrastructure/mongo/mongo-participation-counter';
import { describeEnrollmentStoresContract } from './course-repository-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('enrollment');
  courseModel(database.connection);
  countedCellModel(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeEnrollmentStoresContract('mongoose', async () => ({
  courses: new MongoCourseRepository(courseModel(database.connection)),
  counter: new MongoParticipationCounter(countedCellModel(database.connection)),
}));
