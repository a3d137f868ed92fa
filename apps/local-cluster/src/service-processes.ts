import { fileURLToPath } from 'node:url';
import { services, type ServiceEntry } from '@relais/host/registry';

export interface ServiceProcess {
  name: string;
  port: number;
  entry: string;
}

const entryOf = (name: string) =>
  fileURLToPath(new URL(`../../../services/${name}/src/main.ts`, import.meta.url));

/**
 * One process per service of the registry, each on its own port: the registry's, or from `basePort`
 * on in the registry's order, when a test runs beside another cluster.
 */
export function serviceProcesses(
  basePort?: number,
  registry: readonly ServiceEntry[] = services,
): ServiceProcess[] {
  return registry.map(({ name, port }, index) => ({
    name,
    port: basePort === undefined ? port : basePort + index,
    entry: entryOf(name),
  }));
}
