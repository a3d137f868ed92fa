import { endpointsFromEnvironment, requiredEndpointVariables } from './endpoints';
import type { InfrastructureStrategy } from './resolve';

type Environment = Readonly<Record<string, string | undefined>>;

/** Way 1: endpoints given in the environment (by CI, .ci/run, or a developer). Never stopped by us. */
export function environmentStrategy(environment: Environment): InfrastructureStrategy {
  return {
    source: 'environment',
    async attempt() {
      const found = endpointsFromEnvironment(environment);
      switch (found.kind) {
        case 'absent':
          return { outcome: 'unavailable', reason: `${requiredEndpointVariables.join(', ')} are not set` };
        case 'partial':
          throw new Error(
            `${found.present.join(' and ')} ${found.present.length === 1 ? 'is' : 'are'} set but ` +
              `${found.missing.join(' and ')} ${found.missing.length === 1 ? 'is' : 'are'} not: set all of ` +
              `${requiredEndpointVariables.join(', ')} to use your own infrastructure, or none of them.`,
          );
        case 'complete':
          return {
            outcome: 'resolved',
            infrastructure: {
              source: 'environment',
              endpoints: found.endpoints,
              startedHere: false,
              release: async () => undefined,
            },
          };
      }
    },
  };
}
