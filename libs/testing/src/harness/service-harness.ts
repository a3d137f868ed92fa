import { createJwksTokenVerifier, type TokenVerifier } from '@relais/auth';
import { createEmbeddedIdentityProvider } from '@relais/auth/embedded';
import { InMemoryEventBus } from '@relais/bus';
import { freePort, startServiceHost, type RunningHost, type ServiceModule } from '@relais/host';
import { createLogger } from '@relais/platform';
import { demoRealmFile, relaisClient, type RelaisClient } from '../relais-client';

export interface ServiceHarness extends RelaisClient {
  bus: InMemoryEventBus;
  host: RunningHost;
  stop(): Promise<void>;
}

/**
 * One service (or several) hosted in the test process on in-memory adapters, with the embedded
 * identity provider and an in-memory bus the test can publish on: what a service's HTTP tests need,
 * without importing any sibling service (docs/design.md §3).
 */
export async function startServiceHarness(
  build: (verifierFor: (audience: string) => TokenVerifier) => ServiceModule[],
): Promise<ServiceHarness> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const identityProvider = createEmbeddedIdentityProvider({
    publicBaseUrl: baseUrl,
    realmFile: demoRealmFile,
  });
  const bus = new InMemoryEventBus();
  const modules = build((audience) =>
    createJwksTokenVerifier({ authServerUrl: baseUrl, realm: 'relais', clientId: audience }),
  );
  const host = await startServiceHost(
    {
      logger: createLogger({ service: 'harness', level: 'silent' }),
      modules,
      bus,
      readiness: [],
      relay: { pollIntervalMs: 10 },
      configure: (app) => identityProvider.mount(app),
    },
    port,
    '127.0.0.1',
  );
  return {
    ...relaisClient({ apiUrl: baseUrl, identityUrl: baseUrl }),
    bus,
    host,
    stop: () => host.stop(),
  };
}
