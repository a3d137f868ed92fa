import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore, PersonKeyring, PersonSealer } from '@relais/bus';
import type { BackgroundJob, ServiceModule } from '@relais/host';
import { EnrollmentUseCases } from './application/enrollment-use-cases';
import { ErasureUseCases } from './application/erasure';
import { ErasureRequests, type ErasureKeys, type ErasureRequestStore } from './application/erasure-requests';
import { ParticipationFacts } from './application/participation-facts';
import {
  silentLog,
  type Clock,
  type CourseRepository,
  type EnrollmentLog,
  type ParticipationCounter,
  type TrainerDirectory,
} from './application/ports';
import { RetentionUseCases } from './application/retention';
import { enrollmentRetentionJob } from './application/retention-job';
import { enrollmentApi } from './infrastructure/http/enrollment-api';

export interface EnrollmentPorts {
  courses: CourseRepository;
  /** The courses' pending events, for the outbox relay. */
  outbox: OutboxStore;
  trainers: TrainerDirectory;
  counter: ParticipationCounter;
  /** The audit records of erasures, and the outbox of their events (ADR 0033). */
  erasureRequests: ErasureRequestStore;
  erasureOutbox: OutboxStore;
  /** The per-person keys the host seals events with: an erasure request begins there. */
  personKeys: { sealer: PersonSealer; keyring: PersonKeyring };
  verifier: TokenVerifier;
  /** Secret of the keyed tokens that count distinct teachers; lives outside the database. */
  countingKey: string;
  /** The time of decisions and of the retention job's days; the real one unless a test moves it. */
  clock?: Clock;
  newId?: () => string;
  /** The origin printed on attestations before /verifier/<code> (RELAIS_PUBLIC_URL); else the request's. */
  publicUrl?: string;
  /** How often the retention schedule is enforced; hourly unless told. */
  retentionIntervalMs?: number;
  /**
   * Where people deleted from the identity provider are noticed (Keycloak's admin events, production
   * only): given the erasure request to make for each, the job that polls.
   */
  identityDeletions?: (requestErasure: (personId: string) => Promise<void>) => BackgroundJob;
  /** Lines of the background work (counts only); silent unless given. */
  log?: EnrollmentLog;
}

export interface EnrollmentModule extends ServiceModule {
  /** One pass of the retention job now, as the timer would run it (tests, the demo). */
  runRetentionOnce(): Promise<void>;
  /** Forgets a person everywhere in enrollment (ADR 0033): the host calls it on the erasure event. */
  erasure: ErasureUseCases;
  /** Erasure requests, the same the ops route makes: the identity provider's deletions come here. */
  erasureRequests: ErasureRequests;
}

/** The reason an erasure requested by the deletion of the account gives in the audit record. */
const ACCOUNT_DELETED = 'Compte supprimé dans le fournisseur d’identité';

/** The one place where enrollment is assembled; the same in one process or many (docs/design.md §3). */
export function createEnrollmentService(ports: EnrollmentPorts): EnrollmentModule {
  const clock = ports.clock ?? { now: () => new Date() };
  const useCases = new EnrollmentUseCases(
    ports.courses,
    ports.trainers,
    new ParticipationFacts(ports.counter, ports.countingKey),
    clock,
    ports.newId ?? randomUUID,
  );
  const erasureRequests = new ErasureRequests(
    ports.erasureRequests,
    erasureKeysOf(ports.personKeys),
    clock,
    ports.newId ?? randomUUID,
  );
  const retention = enrollmentRetentionJob(
    new RetentionUseCases(ports.courses),
    erasureRequests,
    ports.log ?? silentLog,
    {
      clock: () => clock.now(),
      ...(ports.retentionIntervalMs === undefined ? {} : { intervalMs: ports.retentionIntervalMs }),
    },
  );
  const identityDeletions = ports.identityDeletions?.(async (personId) => {
    await erasureRequests.request(
      { personId, reason: ACCOUNT_DELETED, source: 'identity-provider', requestedBy: null },
      `identity-provider-deletion-${randomUUID()}`,
    );
  });
  return {
    name: 'enrollment',
    api: enrollmentApi(
      useCases,
      erasureRequests,
      ports.verifier,
      ports.publicUrl ? { publicUrl: ports.publicUrl } : {},
    ),
    subscriptions: [],
    outboxStores: [ports.outbox, ports.erasureOutbox],
    background: [retention, ...(identityDeletions ? [identityDeletions] : [])],
    runRetentionOnce: () => retention.runOnce(),
    erasure: new ErasureUseCases(ports.courses, ports.erasureRequests),
    erasureRequests,
  };
}

/** The per-person keys as erasure requests use them: by a person's id, never holding it. */
export function erasureKeysOf({ sealer, keyring }: EnrollmentPorts['personKeys']): ErasureKeys {
  return {
    erasedBy: keyring.erasedBy,
    keyIdOf: (personId) => sealer.keyIdOf(personId),
    beginErasure: (keyId) => keyring.beginErasure(keyId),
    erasureProgress: (keyIds) => keyring.erasureProgress(keyIds),
  };
}
