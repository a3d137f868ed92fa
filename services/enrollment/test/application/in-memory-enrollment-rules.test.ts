import { InMemoryCourseRepository } from '../../src/infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from '../../src/infrastructure/memory/in-memory-participation-counter';
import { describeEnrollmentRulesUnderConcurrency } from './enrollment-use-cases-contract';

describeEnrollmentRulesUnderConcurrency('in-memory', async () => ({
  courses: new InMemoryCourseRepository(),
  counter: new InMemoryParticipationCounter(),
}));
