import type { ServiceModule } from '@relais/host';
import type { TokenVerifier } from '@relais/auth';
import { createEnrollmentService } from './compose';
import { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';
import { inMemoryCourseStores } from './infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from './infrastructure/memory/in-memory-participation-counter';

/** Enrollment on in-memory adapters: standalone mode and fast tests. */
export function createInMemoryEnrollmentService(options: {
  verifier: TokenVerifier;
  realmFile: string;
  countingKey: string;
}): ServiceModule {
  const { courses, outbox } = inMemoryCourseStores();
  return createEnrollmentService({
    courses,
    outbox,
    trainers: new RealmFileTrainerDirectory(options.realmFile),
    counter: new InMemoryParticipationCounter(),
    verifier: options.verifier,
    countingKey: options.countingKey,
  });
}
