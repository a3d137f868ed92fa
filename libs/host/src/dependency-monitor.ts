import { metrics } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { ReadinessCheck } from '@relais/platform';

export interface DependencyMonitorOptions {
  logger: Logger;
  /** How often each dependency is probed; the kubelet's readiness period is of the same order. */
  intervalMs?: number;
  /** A probe that has not answered within this long counts as down, as a readiness check would. */
  timeoutMs?: number;
}

export interface DependencyMonitor {
  /** The last outcome of each probe, by dependency name (absent until its first probe ends). */
  current(): ReadonlyMap<string, boolean>;
  /** Probes every dependency now, and resolves when every outcome is recorded. */
  probeNow(): Promise<void>;
  stop(): void;
}

const DEFAULT_INTERVAL_MS = 15_000;
const DEFAULT_TIMEOUT_MS = 2_000;

function probe(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const outcome = Promise.resolve()
    .then(() => check.check())
    .then(
      () => true,
      () => false,
    );
  return Promise.race([outcome, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Dependencies whose outage the service rides out (docs/design.md §5): Kafka (writes wait in the outbox) and
 * the identity provider (tokens are verified with the keys already fetched). They never make /readyz
 * fail, which would take every pod out of the Service and turn the whole API 503; instead each one's
 * state is the gauge `relais_dependency_up{dependency}` (alert RelaisDependencyDown) and a log line
 * when it changes.
 */
export function monitorDependencies(
  dependencies: readonly ReadinessCheck[],
  options: DependencyMonitorOptions,
): DependencyMonitor {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const up = metrics.getMeter('@relais/host').createGauge('relais.dependency.up', {
    description:
      'Whether the last probe of a dependency the service can run without succeeded (1) or failed (0)',
  });
  const states = new Map<string, boolean>();
  let stopped = false;

  const probeAll = async () => {
    await Promise.all(
      dependencies.map(async (dependency) => {
        const isUp = await probe(dependency, timeoutMs);
        // A probe still in flight at shutdown meets closed clients: that is no outage to report.
        if (stopped) return;
        up.record(isUp ? 1 : 0, { dependency: dependency.name });
        const before = states.get(dependency.name);
        states.set(dependency.name, isUp);
        if (before === isUp) return;
        if (!isUp)
          options.logger.warn(
            { dependency: dependency.name },
            `${dependency.name} is unreachable: the service keeps serving, degraded, until it is back`,
          );
        else if (before === false)
          options.logger.info({ dependency: dependency.name }, `${dependency.name} is reachable again`);
      }),
    );
  };

  let running = probeAll();
  const timer = setInterval(() => {
    running = running.then(probeAll);
  }, intervalMs);
  timer.unref();

  return {
    current: () => states,
    probeNow: () => {
      running = running.then(probeAll);
      return running;
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
