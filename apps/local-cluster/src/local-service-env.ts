import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * the trainer directory, and the keys of the one-way tokens kept beside the local infrastructure so
 * that distinct counts survive restarts (a real deployment takes them from secrets).
 */
export function localServiceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const infraHome = env['RELAIS_INFRA_HOME'] ?? join(repositoryRoot, '.infra');
  return {
    ...env,
    RELAIS_COUNTING_KEY: env['RELAIS_COUNTING_KEY'] ?? localSecret(join(infraHome, 'counting-key')),
    FEEDBACK_AUTHOR_KEY: env['FEEDBACK_AUTHOR_KEY'] ?? localSecret(join(infraHome, 'feedback-author-key')),
    TRAINER_DIRECTORY_REALM_FILE:
      env['TRAINER_DIRECTORY_REALM_FILE'] ?? join(repositoryRoot, 'deploy/keycloak/realm-relais.json'),
  };
}

/** The realm the services trust, as the browser reaches it: where the portal signs people in. */
export function keycloakAuthority(env: NodeJS.ProcessEnv): string {
  const url = env['KEYCLOAK_URL'];
  if (!url) throw new Error('KEYCLOAK_URL is not set: the portal would not know where to sign people in');
  return `${url.replace(/\/+$/, '')}/realms/${env['KEYCLOAK_REALM'] || 'relais'}`;
}
