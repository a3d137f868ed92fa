import { createJwksTokenVerifier, type TokenVerifier } from '@relais/auth';
import type { PersonKeyring, PersonSealer } from '@relais/bus';
import { createEnrollmentService, inMemoryAdapters as enrollment } from '@relais/enrollment';
import { createFeedbackService, inMemoryAdapters as feedback } from '@relais/feedback';
import {
  erasedPeopleOf,
  services,
  type ServiceEntry,
  type ServiceModule,
  type ServiceName,
} from '@relais/host';
import {
  createNotificationsService,
  InMemoryMailbox,
  inMemoryAdapters as notifications,
  recipientKeyPair,
} from '@relais/notifications';
import { createProgressService, inMemoryAdapters as progress } from '@relais/progress';
import {
  createStatsService,
  defaultSettlingDays,
  inMemoryAdapters as stats,
  type InMemoryTallyStore,
} from '@relais/stats';

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
  /** The process's per-person keys (ADR 0033), which enrollment's erasure requests begin with. */
  personKeys: { sealer: PersonSealer; keyring: PersonKeyring };
  /** Where notifications put the mails they send (shown at /dev/mails); a new one otherwise. */
  mailbox?: InMemoryMailbox;
}

/** How the standalone makes one service on in-memory adapters, given the verifier of its audience. */
export type InMemoryFactory = (verifier: TokenVerifier) => ServiceModule;

/**
 * One factory per service of the registry: typed by its names, so that a service added to the
 * registry does not compile until it is given one here (docs/adding-a-service.md).
 */
export function inMemoryFactories(options: InMemoryServicesOptions): Record<ServiceName, InMemoryFactory> {
  // A key pair per process: feedback seals item authors with the public half, for notifications alone (ADR 0030).
  const recipientKeys = recipientKeyPair();
  return {
    enrollment: (verifier) =>
      createEnrollmentService(
        enrollment({
          verifier,
          realmFile: options.realmFile,
          countingKey: options.countingKey,
          personKeys: options.personKeys,
        }),
      ),
    progress: (verifier) => createProgressService(progress({ verifier })),
    feedback: (verifier) =>
      createFeedbackService(feedback({ verifier, recipientSealKey: recipientKeys.publicKey })),
    stats: (verifier) =>
      createStatsService(
        stats({
          verifier,
          minimumCount: options.minimumCount,
          ...(options.statsNotice === undefined ? {} : { notice: options.statsNotice }),
          ...(options.statsTallies === undefined ? {} : { tallies: options.statsTallies }),
          ...(options.statsClock === undefined
            ? {}
            : { publication: { settlingDays: defaultSettlingDays, now: options.statsClock } }),
        }),
      ),
    notifications: (verifier) =>
      createNotificationsService(
        notifications({
          verifier,
          recipientPrivateKey: recipientKeys.privateKey,
          publicUrl: options.identityProviderUrl,
          transport: options.mailbox ?? new InMemoryMailbox(),
          erasedPeople: erasedPeopleOf(options.personKeys),
        }),
      ),
  };
}

/**
 * Every service of the registry on in-memory adapters, in its order, each requiring its own audience
 * (relais-<name>) in tokens. A test may give another registry and its factories.
 */
export function inMemoryServices(
  options: InMemoryServicesOptions,
  registry: readonly ServiceEntry[] = services,
  factories: Readonly<Record<string, InMemoryFactory>> = inMemoryFactories(options),
): ServiceModule[] {
  return registry.map(({ name }) => {
    const factory = factories[name];
    if (!factory) throw new Error(`the standalone has no in-memory factory for the service "${name}"`);
    return factory(
      createJwksTokenVerifier({
        authServerUrl: options.identityProviderUrl,
        realm: 'relais',
        clientId: `relais-${name}`,
      }),
    );
  });
}
