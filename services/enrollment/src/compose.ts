import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore } from '@relais/bus';
import type { ServiceModule } from '@relais/host';
import { EnrollmentUseCases } from './application/enrollment-use-cases';
import { ParticipationFacts } from './application/participation-facts';
import type { Clock, CourseRepository, ParticipationCounter, TrainerDirectory } from './application/ports';
import { enrollmentApi } from './infrastructure/http/enrollment-api';

export interface EnrollmentPorts {
  courses: CourseRepository;
  /** The courses' pending events, for the outbox relay. */
  outbox: OutboxStore;
  trainers: TrainerDirectory;
  counter: ParticipationCounter;
  verifier: TokenVerifier;
  /** Secret of the keyed tokens that count distinct teachers; lives outside the database. */
  countingKey: string;
  clock?: Clock;
  newId?: () => string;
  /** The origin printed on attestations before /verifier/<code> (RELAIS_PUBLIC_URL); else the request's. */
  publicUrl?: string;
}

/** The one place where enrollment is assembled; the same in one process or many (docs/design.md §3). */
export function createEnrollmentService(ports: EnrollmentPorts): ServiceModule {
  const useCases = new EnrollmentUseCases(
    ports.courses,
    ports.trainers,
    new ParticipationFacts(ports.counter, ports.countingKey),
    ports.clock ?? { now: () => new Date() },
    ports.newId ?? randomUUID,
  );
  return {
    name: 'enrollment',
    api: enrollmentApi(useCases, ports.verifier, ports.publicUrl ? { publicUrl: ports.publicUrl } : {}),
    subscriptions: [],
    outboxStores: [ports.outbox],
  };
}
