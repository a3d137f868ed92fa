import { generateKeyPairSync, randomBytes } from 'node:crypto';
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
 * The key pair feedback seals item authors with (public) and notifications opens them with (private),
 * made once per machine: a random string, as for the other secrets, would be no key (ADR 0030).
 */
function localRecipientKeys(folder: string): { publicKey: string; privateKey: string } {
  const privateFile = join(folder, 'notifications-recipient-private-key');
  const publicFile = join(folder, 'notifications-recipient-public-key');
  if (!existsSync(privateFile) || !existsSync(publicFile)) {
    mkdirSync(folder, { recursive: true });
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    writeFileSync(privateFile, pair.privateKey, { mode: 0o600 });
    writeFileSync(publicFile, pair.publicKey);
  }
  return { privateKey: readFileSync(privateFile, 'utf8'), publicKey: readFileSync(publicFile, 'utf8') };
}

/**
 * Notifications' settings on one machine: the key pair above, its mails to Mailpit
 * (scripts/infra/infra up mailpit, which accepts any SMTP credentials) and its links to the local gateway.
 */
function localNotificationsEnv(env: NodeJS.ProcessEnv, infraHome: string): NodeJS.ProcessEnv {
  const keys = localRecipientKeys(infraHome);
  const [host, port] = (env['MAILPIT_SMTP'] ?? '127.0.0.1:1025').split(':');
  return {
    NOTIFICATIONS_RECIPIENT_PRIVATE_KEY: keys.privateKey,
    NOTIFICATIONS_RECIPIENT_PUBLIC_KEY: keys.publicKey,
    SMTP_HOST: host || '127.0.0.1',
    SMTP_PORT: port || '1025',
    PUBLIC_URL: `http://127.0.0.1:${env['GATEWAY_PORT'] ?? '8090'}`,
  };
}

/**
 * Secrets of Keycloak clients, by variable: the client. The local Keycloak imported them from the demo
 * realm (scripts/infra), so a secret made here would not be the one it checks; they are read from there.
 */
const realmClientSecrets: Readonly<Record<string, string>> = {
  RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET: 'relais-enrollment-identity-events',
};

function realmClientSecretsEnv(realmFile: string): NodeJS.ProcessEnv {
  const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as {
    clients?: { clientId?: string; secret?: string }[];
  };
  return Object.fromEntries(
    Object.entries(realmClientSecrets).flatMap(([variable, clientId]) => {
      const secret = realm.clients?.find((client) => client.clientId === clientId)?.secret;
      return secret === undefined ? [] : [[variable, secret]];
    }),
  );
}

/**
 * What the services need on one machine besides the infrastructure endpoints: the demo realm as
 * the trainer directory, its client secrets, notifications' key pair, relay and links, and each other secret the registry
 * names (the keys of the one-way tokens), generated once and kept beside the local infrastructure so
 * that distinct counts survive restarts (a real deployment takes them from its Secrets).
 */
export function localServiceEnv(
  env: NodeJS.ProcessEnv,
  registry: readonly ServiceEntry[] = services,
): NodeJS.ProcessEnv {
  const infraHome = env['RELAIS_INFRA_HOME'] ?? join(repositoryRoot, '.infra');
  const realmFile =
    env['RELAIS_KEYCLOAK_REALM_FILE'] ?? join(repositoryRoot, 'deploy/keycloak/realm-relais.json');
  // What the environment gives wins over what is made or read here.
  const given = { ...localNotificationsEnv(env, infraHome), ...realmClientSecretsEnv(realmFile), ...env };
  const secrets = registry.flatMap(({ secretEnv }) =>
    Object.keys(secretEnv ?? {}).map((variable) => [
      variable,
      given[variable] ?? localSecret(join(infraHome, localSecretFile(variable))),
    ]),
  );
  return {
    ...given,
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
