import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * What the services need on one machine besides the infrastructure endpoints: the demo realm as
 * the trainer directory, and a counting key kept beside the local infrastructure so that distinct
 * counts survive restarts (a real deployment takes it from a secret).
 */
export function localServiceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const infraHome = env['RELAIS_INFRA_HOME'] ?? join(repositoryRoot, '.infra');
  const keyFile = join(infraHome, 'counting-key');
  if (!env['RELAIS_COUNTING_KEY'] && !existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return {
    ...env,
    RELAIS_COUNTING_KEY: env['RELAIS_COUNTING_KEY'] ?? readFileSync(keyFile, 'utf8').trim(),
    TRAINER_DIRECTORY_REALM_FILE:
      env['TRAINER_DIRECTORY_REALM_FILE'] ?? join(repositoryRoot, 'deploy/keycloak/realm-relais.json'),
  };
}
