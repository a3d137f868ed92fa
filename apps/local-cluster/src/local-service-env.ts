import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { services, type ServiceEntry } from '@relais/host/registry';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A secret generated once per machine and kept beside the local infrastructure's data. */
function localSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * What the services need on one machine besides the infrastructure endpoints: the demo realm as
 * the trainer directory, and each secret the registry names (the keys of the one-way tokens), generated
 * once and kept beside the local infrastructure so that distinct counts survive restarts (a real
 * deployment takes them from its Secrets).
 */
export function localServiceEnv(
  env: NodeJS.ProcessEnv,
  registry: readonly ServiceEntry[] = services,
): NodeJS.ProcessEnv {
  const infraHome = env['RELAIS_INFRA_HOME'] ?? join(repositoryRoot, '.infra');
  const secrets = registry.flatMap(({ secretEnv }) =>
    Object.keys(secretEnv ?? {}).map((variable) => [
      variable,
      env[variable] ?? localSecret(join(infraHome, localSecretFile(variable))),
    ]),
  );
  return {
    ...env,
    ...Object.fromEntries(secrets),
    TRAINER_DIRECTORY_REALM_FILE:
      env['TRAINER_DIRECTORY_REALM_FILE'] ?? join(repositoryRoot, 'deploy/keycloak/realm-relais.json'),
  };
}

/** FEEDBACK_AUTHOR_KEY is kept in feedback-author-key, RELAIS_COUNTING_KEY in counting-key. */
function localSecretFile(variable: string): string {
  return variable
    .toLowerCase()
    .replaceAll('_', '-')
    .replace(/^relais-/, '');
}

/** The realm the services trust, as the browser reaches it: where the portal signs people in. */
export function keycloakAuthority(env: NodeJS.ProcessEnv): string {
  const url = env['KEYCLOAK_URL'];
  if (!url) throw new Error('KEYCLOAK_URL is not set: the portal would not know where to sign people in');
  return `${url.replace(/\/+$/, '')}/realms/${env['KEYCLOAK_REALM'] || 'relais'}`;
}
