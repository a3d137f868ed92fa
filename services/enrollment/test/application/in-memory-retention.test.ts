import { InMemoryCourseRepository } from '../../src/infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from '../../src/infrastructure/memory/in-memory-participation-counter';
import { describeRetentionScenario } from './retention-scenario';

describeRetentionScenario('in-memory', async () => ({
  courses: new InMemoryCourseRepository(),
  counter: new InMemoryParticipationCounter(),
  close: async () => undefined,
}));
