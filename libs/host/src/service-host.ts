import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { OutboxRelay, SealingEventBus, type EventBus } from '@relais/bus';
import {
  createHttpApp,
  type MetricsEndpoint,
  type ReadinessCheck,
  type ShutdownStep,
} from '@relais/platform';
import { monitorDependencies, type DependencyMonitor } from './dependency-monitor';
import { erasureSubscription, type PersonKeys } from './erasure-subscription';
import { observeOutboxes, untracedOutbox } from './outbox-metrics';
import { recordReadinessOutcomes } from './readiness-metrics';
import type { ServiceModule } from './service-module';

export interface ServiceHostOptions {
  logger: Logger;
  modules: readonly ServiceModule[];
  bus: EventBus;
  /**
   * The per-person keys (ADR 0033): the bus then seals what names people and opens it again, and each
   * module that can forget a person is subscribed to the erasure event. Every host of Relais gives
   * them; only tests of the host's own plumbing leave them out.
   */
  personKeys?: PersonKeys;
  /** What the service cannot serve without: its own database. Each one failing makes /readyz 503. */
  readiness: readonly ReadinessCheck[];
  /**
   * What the service serves without, degraded (Kafka, the identity provider): probed in the
   * background into `relais_dependency_up`, never part of /readyz. Defaults to the bus.
   */
  degradedWithout?: readonly ReadinessCheck[];
  dependencyProbeIntervalMs?: number;
  metrics?: MetricsEndpoint;
  configure?: (app: Express) => void;
  /** Middleware that must see a request before the services do (the standalone's demo gate). */
  beforeServices?: (app: Express) => void;
  relay?: { pollIntervalMs?: number; leaseMs?: number };
  /** Closed after consumers and producer, e.g. database connections. */
  dependencies?: readonly ShutdownStep[];
}

export interface RunningHost {
  app: Express;
  server: Server;
  port: number;
  relay: OutboxRelay;
  dependencies: DependencyMonitor;
  /** In shutdown order: consumers and relay, then producer, then databases. */
  shutdownSteps: ShutdownStep[];
  /** Stops everything in order, for tests and embedding; processes use runUntilSignalled. */
  stop(): Promise<void>;
}

/**
 * Hosts one or several service modules in this process: one HTTP app, their subscriptions on the
 * bus, one outbox relay over all their outboxes. The same code serves standalone mode (all of them,
 * in-memory adapters) and production (one each, real adapters): no service branches on the mode.
 */
export async function startServiceHost(
  options: ServiceHostOptions,
  port: number,
  host = '0.0.0.0',
): Promise<RunningHost> {
  const app = createHttpApp({
    logger: options.logger,
    services: options.modules.map((module) => module.api),
    readiness: recordReadinessOutcomes(options.readiness),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.configure ? { configure: options.configure } : {}),
    ...(options.beforeServices ? { beforeServices: options.beforeServices } : {}),
  });

  const bus = options.personKeys
    ? new SealingEventBus(options.bus, options.personKeys.sealer, options.logger)
    : options.bus;
  for (const module of options.modules) {
    for (const subscription of module.subscriptions) await bus.subscribe(subscription);
    if (module.erasure && options.personKeys) {
      await bus.subscribe(
        erasureSubscription(module.name, module.erasure, options.personKeys, options.logger),
      );
    }
  }
  const outboxMetrics = observeOutboxes(
    options.modules.flatMap((module) =>
      module.outboxStores.map((store) => ({ service: module.name, store })),
    ),
  );
  const relay = new OutboxRelay({
    stores: options.modules.flatMap((module) => module.outboxStores.map(untracedOutbox)),
    bus,
    logger: options.logger,
    onPublished: (events) => outboxMetrics.onPublished(events),
    ...(options.relay?.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.relay.pollIntervalMs }),
    ...(options.relay?.leaseMs === undefined ? {} : { leaseMs: options.relay.leaseMs }),
  });
  relay.start();
  const background = options.modules.flatMap((module) => module.background ?? []);
  for (const job of background) job.start();
  const dependencies = monitorDependencies(
    options.degradedWithout ?? [{ name: 'event-bus', check: () => options.bus.ready() }],
    {
      logger: options.logger,
      ...(options.dependencyProbeIntervalMs === undefined
        ? {}
        : { intervalMs: options.dependencyProbeIntervalMs }),
    },
  );

  const server = app.listen(port, host);
  await once(server, 'listening');
  const shutdownSteps: ShutdownStep[] = [
    ...background.map((job) => ({ name: job.name, close: () => job.stop() })),
    {
      name: 'outbox-relay',
      close: async () => {
        dependencies.stop();
        await relay.stop();
        outboxMetrics.stop();
      },
    },
    { name: 'event-bus', close: () => bus.close() },
    ...(options.dependencies ?? []),
  ];
  return {
    app,
    server,
    port: (server.address() as AddressInfo).port,
    relay,
    dependencies,
    shutdownSteps,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const step of shutdownSteps) await step.close();
    },
  };
}
