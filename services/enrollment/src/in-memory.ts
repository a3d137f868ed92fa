import type { TokenVerifier } from '@relais/auth';
import { InMemoryPersonKeyring, PersonSealer, type PersonKeyring } from '@relais/bus';
import { randomBytes } from 'node:crypto';
import type { Clock } from './application/ports';
import { createEnrollmentService, type EnrollmentModule, type EnrollmentPorts } from './compose';
import { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';
import { inMemoryCourseStores } from './infrastructure/memory/in-memory-course-repository';
import { inMemoryErasureRequestStores } from './infrastructure/memory/in-memory-erasure-requests';
import { InMemoryParticipationCounter } from './infrastructure/memory/in-memory-participation-counter';

export interface InMemoryEnrollmentOptions {
  verifier: TokenVerifier;
  realmFile: string;
  countingKey: string;
  clock?: Clock;
  retentionIntervalMs?: number;
  /**
   * The host's per-person keys (the standalone's); a test of enrollment alone gets its own, waiting
   * for enrollment only.
   */
  personKeys?: { sealer: PersonSealer; keyring: PersonKeyring };
}

function ownPersonKeys(): { sealer: PersonSealer; keyring: PersonKeyring } {
  const keyring = new InMemoryPersonKeyring(['enrollment']);
  return {
    keyring,
    sealer: new PersonSealer({ keyring, keyIdSecret: randomBytes(32).toString('base64url') }),
  };
}

/** Every port of enrollment on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters(options: InMemoryEnrollmentOptions): EnrollmentPorts {
  const { courses, outbox } = inMemoryCourseStores();
  const erasures = inMemoryErasureRequestStores();
  return {
    courses,
    outbox,
    erasureRequests: erasures.requests,
    erasureOutbox: erasures.outbox,
    personKeys: options.personKeys ?? ownPersonKeys(),
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
