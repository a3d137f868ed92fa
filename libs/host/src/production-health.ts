import type { EventBus } from '@relais/bus';
import type { ReadinessCheck } from '@relais/platform';

export interface ProductionDependencies {
  /** The service's own database. */
  database: ReadinessCheck;
  bus: Pick<EventBus, 'ready'>;
  identityProvider: ReadinessCheck;
}

/**
 * Readiness means "can serve" (docs/design.md §5): only the service's own database. Kafka and the identity
 * provider are degradations: writes wait in the outbox while Kafka is away, and tokens are verified
 * with the keys already fetched while Keycloak is; were they readiness checks, an outage of either
 * would take every pod of every service out of its Service at once.
 */
export function productionHealthChecks(dependencies: ProductionDependencies): {
  readiness: ReadinessCheck[];
  degradedWithout: ReadinessCheck[];
} {
  return {
    readiness: [dependencies.database],
    degradedWithout: [
      { name: 'kafka', check: () => dependencies.bus.ready() },
      dependencies.identityProvider,
    ],
  };
}
