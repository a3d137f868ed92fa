import { InMemoryCourseRepository } from '../../src/infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from '../../src/infrastructure/memory/in-memory-participation-counter';
import { describeEnrollmentStoresContract } from './course-repository-contract';

describeEnrollmentStoresContract('in-memory', async () => ({
  courses: new InMemoryCourseRepository(),
  counter: new InMemoryParticipationCounter(),
}));
