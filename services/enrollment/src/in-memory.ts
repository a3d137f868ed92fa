import type { ServiceModule } from '@relais/host';
import type { TokenVerifier } from '@relais/auth';
import { createEnrollmentService, type EnrollmentPorts } from './compose';
import { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';
import { inMemoryCourseStores } from './infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from './infrastructure/memory/in-memory-participation-counter';

export interface InMemoryEnrollmentOptions {
  verifier: TokenVerifier;
  realmFile: string;
  countingKey: string;
}

/** Every port of enrollment on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters(options: InMemoryEnrollmentOptions): EnrollmentPorts {
  const { courses, outbox } = inMemoryCourseStores();
  return {
    courses,
    outbox,
    trainers: new RealmFileTrainerDirectory(options.realmFile),
    counter: new InMemoryParticipationCounter(),
    verifier: options.verifier,
    countingKey: options.countingKey,
  };
}

/** Enrollment on in-memory adapters. */
export function createInMemoryEnrollmentService(options: InMemoryEnrollmentOptions): ServiceModule {
  return createEnrollmentService(inMemoryAdapters(options));
}
