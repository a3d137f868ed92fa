import type { TokenVerifier } from '@relais/auth';
import type { Clock } from './application/ports';
import { createEnrollmentService, type EnrollmentModule, type EnrollmentPorts } from './compose';
import { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';
import { inMemoryCourseStores } from './infrastructure/memory/in-memory-course-repository';
import { InMemoryParticipationCounter } from './infrastructure/memory/in-memory-participation-counter';

export interface InMemoryEnrollmentOptions {
  verifier: TokenVerifier;
  realmFile: string;
  countingKey: string;
  clock?: Clock;
  retentionIntervalMs?: number;
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
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retentionIntervalMs === undefined
      ? {}
      : { retentionIntervalMs: options.retentionIntervalMs }),
  };
}

/** Enrollment on in-memory adapters. */
export function createInMemoryEnrollmentService(options: InMemoryEnrollmentOptions): EnrollmentModule {
  return createEnrollmentService(inMemoryAdapters(options));
}
