import { InMemoryRevisionLog } from '@relais/store';
import type { Course } from '../../src/domain/course';
import { InMemoryCourseRepository } from '../../src/infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from '../../src/infrastructure/memory/in-memory-participation-counter';
import { InMemoryErasureRequestStore } from '../../src/infrastructure/memory/in-memory-erasure-requests';
import { describeErasureScenario } from './erasure-scenario';

describeErasureScenario('in-memory', async () => {
  const log = new InMemoryRevisionLog<Course>();
  const counter = new InMemoryParticipationCounter();
  const requests = new Map();
  return {
    courses: new InMemoryCourseRepository(log),
    counter,
    erasureRequests: new InMemoryErasureRequestStore(requests),
    // The courses with their outbox, as the Map holds them; the counter holds tokens only.
    storedText: async () => JSON.stringify([...log.documents.documents.entries(), ...requests.entries()]),
    close: async () => undefined,
  };
});
