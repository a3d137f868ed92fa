import { createKeycloakConnectVerifier, type TokenVerifier } from '@relais/auth';
import { createInMemoryEnrollmentService } from '@relais/enrollment';
import { createInMemoryFeedbackService } from '@relais/feedback';
import type { ServiceModule } from '@relais/host';
import { createInMemoryNotificationsService, InMemoryMailbox, recipientKeyPair } from '@relais/notifications';
import { createInMemoryProgressService } from '@relais/progress';
import { createInMemoryStatsService, defaultSettlingDays, type InMemoryTallyStore } from '@relais/stats';

export interface InMemoryServicesOptions {
  /** Where the identity provider is reached; every service verifies tokens against its JWKS. */
  identityProviderUrl: string;
  realmFile: string;
  countingKey: string;
  minimumCount: number;
  /** Said by the stats catalogue, e.g. that its tables come from demo data. */
  statsNotice?: string;
  /** Stats' store, when the host seeds it (the demo history). */
  statsTallies?: InMemoryTallyStore;
  /** The clock that decides which statistics are published, when a test moves it. */
  statsClock?: () => Date;
  /** Where notifications put the mails they send (shown at /dev/mails); a new one otherwise. */
  mailbox?: InMemoryMailbox;
}

/** The five services on in-memory adapters, each requiring its own audience in tokens. */
export function inMemoryServices(options: InMemoryServicesOptions): ServiceModule[] {
  const verifierFor = (service: string): TokenVerifier =>
    createKeycloakConnectVerifier({
      authServerUrl: options.identityProviderUrl,
      realm: 'relais',
      clientId: `relais-${service}`,
    });
  // A key pair per process: feedback seals item authors with the public half for notifications alone.
  const recipientKeys = recipientKeyPair();
  return [
    createInMemoryEnrollmentService({
      verifier: verifierFor('enrollment'),
      realmFile: options.realmFile,
      countingKey: options.countingKey,
    }),
    createInMemoryProgressService({ verifier: verifierFor('progress') }),
    createInMemoryFeedbackService({
      verifier: verifierFor('feedback'),
      recipientSealKey: recipientKeys.publicKey,
    }),
    createInMemoryStatsService({
      verifier: verifierFor('stats'),
      minimumCount: options.minimumCount,
      ...(options.statsNotice === undefined ? {} : { notice: options.statsNotice }),
      ...(options.statsTallies === undefined ? {} : { tallies: options.statsTallies }),
      ...(options.statsClock === undefined
        ? {}
        : { publication: { settlingDays: defaultSettlingDays, now: options.statsClock } }),
    }),
    createInMemoryNotificationsService({
      verifier: verifierFor('notifications'),
      recipientPrivateKey: recipientKeys.privateKey,
      publicUrl: options.identityProviderUrl,
      transport: options.mailbox ?? new InMemoryMailbox(),
    }).module,
  ];
}
