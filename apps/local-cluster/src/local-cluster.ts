import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { PortalOptions } from '@relais/host/portal';
import type { ServiceEntry } from '@relais/host/registry';
import { createLogger } from '@relais/platform';
import { createGateway } from './gateway';
import { serviceProcesses, type ServiceProcess } from './service-processes';
import { superviseProcess, type Backoff, type SupervisedProcess } from './supervisor';

const TELEMETRY_REGISTER = fileURLToPath(new URL('../../../libs/telemetry/src/register.ts', import.meta.url));

export interface LocalClusterOptions {
  /** KAFKA_BROKERS, MONGO_URL, KEYCLOAK_URL and what each service needs besides. */
  env: NodeJS.ProcessEnv;
  gatewayPort: number;
  basePort?: number;
  /** The services to start: the registry's unless a test says otherwise. */
  registry?: readonly ServiceEntry[];
  /** Prefix of the services' database names, so that test runs do not share state. */
  databasePrefix?: string;
  /** Where the processes' log lines go, prefixed by service. */
  onLine?: (service: string, line: string) => void;
  readyTimeoutMs?: number;
  /** Where the supervisor says that a service died and came back; JSON on stdout by default. */
  logger?: Logger;
  backoff?: Partial<Backoff>;
  /** The web portal the gateway serves at /; none when absent (tests of the services alone). */
  portal?: PortalOptions;
}

export interface LocalCluster {
  gatewayUrl: string;
  services: ServiceProcess[];
  processes: SupervisedProcess[];
  stop(): Promise<void>;
}

async function waitUntilReady(
  service: ServiceProcess,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `${service.name} exited with ${child.exitCode ?? child.signalCode} before it was ready`,
      );
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/readyz`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} was not ready on port ${service.port} within ${timeoutMs} ms`);
}

/**
 * Starts every service of the registry as a process of its own on the production adapters, each kept
 * alive by a supervisor, and a gateway in front.
 */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const services = serviceProcesses(options.basePort, options.registry);
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const logger = options.logger ?? createLogger({ service: 'local-cluster' });
  const processes = services.map((service) =>
    superviseProcess({
      name: `relais-${service.name}`,
      logger,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      awaitServing: (child) => waitUntilReady(service, child, readyTimeoutMs),
      start: () => {
        // Telemetry first, through its loader hook, so that express, mongoose and pino are instrumented.
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--import', TELEMETRY_REGISTER, service.entry],
          {
            env: {
              ...options.env,
              OTEL_SERVICE_NAME: `relais-${service.name}`,
              PORT: String(service.port),
              HOST: '127.0.0.1',
              NODE_OPTIONS: '',
              ...(options.databasePrefix
                ? {
                    MONGO_DB: `${options.databasePrefix}-${service.name}`,
                    // The keyring the services share, beside their databases (ADR 0033).
                    RELAIS_KEYRING_DB: `${options.databasePrefix}-keyring`,
                  }
                : {}),
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        for (const stream of [child.stdout, child.stderr]) {
          if (stream)
            createInterface({ input: stream }).on('line', (line) => options.onLine?.(service.name, line));
        }
        return child;
      },
    }),
  );
  const stopAll = async () => {
    await Promise.all(processes.map((supervised) => supervised.stop()));
  };
  try {
    await Promise.all(processes.map((supervised) => supervised.firstServing));
  } catch (error) {
    await stopAll();
    throw error;
  }
  const gateway: Server = createGateway(
    services.map((service, index) => ({
      name: service.name,
      port: service.port,
      state: () => (processes[index] as SupervisedProcess).state(),
    })),
    options.portal ? { portal: options.portal } : {},
  ).listen(options.gatewayPort, '127.0.0.1');
  await once(gateway, 'listening');
  const port = (gateway.address() as AddressInfo).port;
  return {
    gatewayUrl: `http://127.0.0.1:${port}`,
    services,
    processes,
    async stop() {
      await new Promise<void>((resolve) => {
        gateway.close(() => resolve());
        gateway.closeAllConnections();
      });
      await stopAll();
    },
  };
}
