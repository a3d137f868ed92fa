import { inMemoryCourseStores } from '../../src/infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from '../../src/infrastructure/memory/in-memory-participation-counter';
import { describeEnrollmentStoresContract } from './course-repository-contract';

describeEnrollmentStoresContract('in-memory', async () => ({
  ...inMemoryCourseStores(),
  counter: new InMemoryParticipationCounter(),
}));
