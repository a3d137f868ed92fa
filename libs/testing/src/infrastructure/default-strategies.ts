import { environmentStrategy } from './environment-strategy';
import { nativeProvisionerStrategy } from './native-provisioner-strategy';
import type { InfrastructureStrategy } from './resolve';
import { testcontainersStrategy } from './testcontainers-strategy';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * docs/design.md §9's order: endpoints given in the environment, then Docker through testcontainers, then the
 * native provisioner of scripts/infra; resolveInfrastructure turns "none of them" into a clear error.
 */
export function defaultStrategies(environment: Environment): InfrastructureStrategy[] {
  return [environmentStrategy(environment), testcontainersStrategy(), nativeProvisionerStrategy()];
}
