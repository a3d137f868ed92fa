import type { InfrastructureEndpoints } from './endpoints';

/** The ways of finding infrastructure, in the order docs/design.md §9 tries them. */
export type InfrastructureSource = 'environment' | 'testcontainers' | 'native-provisioner';

export interface ResolvedInfrastructure {
  readonly source: InfrastructureSource;
  readonly endpoints: InfrastructureEndpoints;
  /** Whether this resolution started anything (and so `release` will stop it). */
  readonly startedHere: boolean;
  /** Stops what this resolution started, and nothing else. */
  release(): Promise<void>;
}

export type ResolutionAttempt =
  | { readonly outcome: 'resolved'; readonly infrastructure: ResolvedInfrastructure }
  /** Not possible here (no runtime, no tool): the next way is tried. `reason` says why, for a person. */
  | { readonly outcome: 'unavailable'; readonly reason: string };

export interface InfrastructureStrategy {
  readonly source: InfrastructureSource;
  /**
   * Resolves, or reports that this way is unavailable. Throws when this way applies but is broken
   * (a container that fails to start, a half-configured environment): that must not be masked by
   * silently trying the next way.
   */
  attempt(): Promise<ResolutionAttempt>;
}

export interface UnavailableReason {
  readonly source: InfrastructureSource;
  readonly reason: string;
}

const howToProvide = [
  'Integration tests need Kafka, a MongoDB-compatible database and Keycloak with the relais realm. Either:',
  '  1. export KAFKA_BROKERS=host:port MONGO_URL=mongodb://host:port/ KEYCLOAK_URL=http://host:port',
  '     (Keycloak must have imported deploy/keycloak/realm-relais.json);',
  '  2. run a Docker-compatible container runtime, so that testcontainers can start them; or',
  '  3. install Java 17, the Temurin 25 JDK, Maven and Go, then run `scripts/infra/infra up`',
  '     (see scripts/infra/README.md).',
].join('\n');

export class InfrastructureUnavailableError extends Error {
  constructor(readonly reasons: readonly UnavailableReason[]) {
    super(
      [
        'No infrastructure for the integration tests.',
        ...reasons.map(({ source, reason }) => `- ${source}: ${reason}`),
        howToProvide,
      ].join('\n'),
    );
    this.name = 'InfrastructureUnavailableError';
  }
}

/** Tries each way in order; the first that resolves wins. Never returns without infrastructure. */
export async function resolveInfrastructure(
  strategies: readonly InfrastructureStrategy[],
): Promise<ResolvedInfrastructure> {
  const reasons: UnavailableReason[] = [];
  for (const strategy of strategies) {
    const attempt = await strategy.attempt();
    if (attempt.outcome === 'resolved') return attempt.infrastructure;
    reasons.push({ source: strategy.source, reason: attempt.reason });
  }
  throw new InfrastructureUnavailableError(reasons);
}
