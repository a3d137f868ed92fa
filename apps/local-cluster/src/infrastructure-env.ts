import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const infraScript = fileURLToPath(new URL('../../../scripts/infra/infra', import.meta.url));
const required = ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL'] as const;

/** Endpoints from the environment when all are given; otherwise the local provisioner's, started if needed. */
export function infrastructureEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (required.every((name) => env[name])) return env;
  execFileSync(infraScript, ['up', 'kafka', 'mongo', 'keycloak', 'mailpit'], { stdio: 'inherit' });
  const exports = execFileSync(infraScript, ['env'], { encoding: 'utf8' });
  const provided = Object.fromEntries(
    exports
      .split('\n')
      .map((line) => /^export ([A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, name, value]) => [name, (value ?? '').replace(/^'(.*)'$/, '$1')]),
  );
  return { ...provided, ...env };
}
