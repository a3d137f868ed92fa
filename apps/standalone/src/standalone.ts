import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createEmbeddedIdentityProvider } from '@relais/auth/embedded';
import { InMemoryEventBus, InMemoryPersonKeyring, PersonSealer } from '@relais/bus';
import {
  freePort,
  services,
  servicesThatErase,
  startServiceHost,
  type PersonKeys,
  type RunningHost,
  type ServiceEntry,
} from '@relais/host';
import type { MetricsEndpoint } from '@relais/platform';
import { createPrometheusMetrics } from '@relais/telemetry';
import { mountApiDocs } from './api-docs';
import { InMemoryTallyStore } from '@relais/stats';
import { inMemoryFactories, inMemoryServices, type InMemoryFactory } from './in-memory-services';
import { devMailsHandler, InMemoryMailbox } from '@relais/notifications';
import { mountPortal } from '@relais/host/portal';
import type { DemoSeeding } from './seed/demo-seeding';

export interface StandaloneOptions {
  /** 0 picks a free port. */
  port: number;
  /** Loopback by default: the demo realm's passwords are public. */
  host?: string;
  logger: Logger;
  realmFile: string;
  /** What browsers and tokens call this process; defaults to http://localhost:<port>. */
  publicBaseUrl?: string;
  /** Cells below this are suppressed; 11 unless a test needs to see small numbers. */
  minimumCount?: number;
  /** Said by the stats catalogue, e.g. that its tables come from demo data. */
  statsNotice?: string;
  /** The clock that decides which statistics are published; the real one unless a test moves it. */
  statsClock?: () => Date;
  /**
   * What /metrics serves: the process's telemetry when it was started with
   * `--import @relais/telemetry/register`; a Prometheus provider of its own otherwise.
   */
  metrics?: MetricsEndpoint;
  /** Holds statistics back and reports progress while the demo data is written after start. */
  demoSeeding?: DemoSeeding;
  /** Services beyond the registry's, with their factories: how a test shows that one added is hosted. */
  extraServices?: { entries: readonly ServiceEntry[]; factories: Readonly<Record<string, InMemoryFactory>> };
}

export interface Standalone extends RunningHost {
  baseUrl: string;
  bus: InMemoryEventBus;
  /** The process's per-person keys (ADR 0033): tests replay the topics through them. */
  personKeys: PersonKeys;
  /** Stats' in-memory store, for the demo history (seed/demo-data.ts). */
  statsTallies: InMemoryTallyStore;
}

/**
 * Relais in one process: every service of the registry on in-memory adapters, the embedded identity provider
 * at /realms/relais and Swagger UI at /docs. No other software needed (docs/design.md §9).
 */
export async function startStandalone(options: StandaloneOptions): Promise<Standalone> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port === 0 ? await freePort(host) : options.port;
  // Token issuer and verifiers must agree on one URL, byte for byte (the verifier checks `iss`).
  const baseUrl = (options.publicBaseUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const identityProvider = createEmbeddedIdentityProvider({
    publicBaseUrl: baseUrl,
    realmFile: options.realmFile,
    listDemoAccounts: true,
  });
  const bus = new InMemoryEventBus();
  const registry = [...services, ...(options.extraServices?.entries ?? [])];
  // One keyring for the process: what enrollment's erasure route begins is what the bus seals with.
  const keyring = new InMemoryPersonKeyring(servicesThatErase(registry));
  const personKeys: PersonKeys = {
    keyring,
    sealer: new PersonSealer({ keyring, keyIdSecret: randomBytes(32).toString('base64url') }),
  };
  const statsTallies = new InMemoryTallyStore();
  const mailbox = new InMemoryMailbox();
  const serviceOptions = {
    mailbox,
    identityProviderUrl: baseUrl,
    realmFile: options.realmFile,
    // A fresh key per run: in-memory counts vanish with the process anyway.
    countingKey: randomBytes(32).toString('base64url'),
    personKeys,
    minimumCount: options.minimumCount ?? 11,
    ...(options.statsNotice === undefined ? {} : { statsNotice: options.statsNotice }),
    ...(options.statsClock === undefined ? {} : { statsClock: options.statsClock }),
    statsTallies,
  };
  const modules = inMemoryServices(serviceOptions, registry, {
    ...inMemoryFactories(serviceOptions),
    ...options.extraServices?.factories,
  });
  const running = await startServiceHost(
    {
      logger: options.logger,
      modules,
      bus,
      personKeys,
      readiness: [{ name: 'event-bus', check: () => bus.ready() }],
      metrics: options.metrics ?? createPrometheusMetrics(),
      relay: { pollIntervalMs: 20 },
      beforeServices: (app) => options.demoSeeding?.mount(app),
      configure: (app) => {
        identityProvider.mount(app);
        mountApiDocs(
          app,
          modules.map((module) => module.name),
        );
        // The mails notifications would send, for whoever tries the demo (never in production).
        app.get('/dev/mails', devMailsHandler(mailbox));
        mountPortal(app);
      },
    },
    port,
    host,
  );
  return { ...running, baseUrl, bus, personKeys, statsTallies };
}
