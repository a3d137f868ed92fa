import { createKeycloakConnectVerifier, type TokenVerifier } from '@relais/auth';
import {
  createEnrollmentService,
  InMemoryParticipationCounter,
  inMemoryCourseStores,
  RealmFileTrainerDirectory,
} from '@relais/enrollment';
import { createFeedbackService, InMemoryMessageStore } from '@relais/feedback';
import { createProgressService, InMemoryActivityStore } from '@relais/progress';
import { InMemoryRosterStore } from '@relais/roster';
import { createStatsService, InMemoryParticipationFactStore } from '@relais/stats';
import type { ServiceModule } from '@relais/host';

export interface InMemoryServicesOptions {
  /** Where the identity provider is reached; every service verifies tokens against its JWKS. */
  identityProviderUrl: string;
  realmFile: string;
  countingKey: string;
  minimumCount: number;
}

/** The four services on in-memory adapters, each with the audience it requires in tokens. */
export function inMemoryServices(options: InMemoryServicesOptions): ServiceModule[] {
  const verifierFor = (service: string): TokenVerifier =>
    createKeycloakConnectVerifier({
      authServerUrl: options.identityProviderUrl,
      realm: 'relais',
      clientId: `relais-${service}`,
    });
  const { courses, outbox } = inMemoryCourseStores();
  return [
    createEnrollmentService({
      courses,
      outbox,
      trainers: new RealmFileTrainerDirectory(options.realmFile),
      counter: new InMemoryParticipationCounter(),
      verifier: verifierFor('enrollment'),
      countingKey: options.countingKey,
    }),
    createProgressService({
      rosters: new InMemoryRosterStore(),
      activities: new InMemoryActivityStore(),
      verifier: verifierFor('progress'),
    }),
    createFeedbackService({
      rosters: new InMemoryRosterStore(),
      messages: new InMemoryMessageStore(),
      verifier: verifierFor('feedback'),
    }),
    createStatsService({
      participation: new InMemoryParticipationFactStore(),
      verifier: verifierFor('stats'),
      suppression: { minimumCount: options.minimumCount },
    }),
  ];
}
