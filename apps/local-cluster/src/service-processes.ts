import { fileURLToPath } from 'node:url';

export interface ServiceProcess {
  name: 'enrollment' | 'progress' | 'feedback' | 'stats' | 'notifications';
  port: number;
  entry: string;
}

const entryOf = (name: string) =>
  fileURLToPath(new URL(`../../../services/${name}/src/main.ts`, import.meta.url));

/** One process per service, each on its own port (the same defaults as the services' own config). */
export function serviceProcesses(basePort = 8081): ServiceProcess[] {
  return (['enrollment', 'progress', 'feedback', 'stats', 'notifications'] as const).map((name, index) => ({
    name,
    port: basePort + index,
    entry: entryOf(name),
  }));
}
