import { generateKeyPairSync, randomBytes } from 'node:crypto';
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
 * The key pair feedback seals item authors with (public) and notifications opens them with
 * (private), made once per machine like the secrets above (ADR 0030).
 */
function localRecipientKeys(folder: string): { publicKey: string; privateKey: string } {
  const privateFile = join(folder, 'notifications-recipient-key.pem');
  const publicFile = join(folder, 'notifications-recipient-key.pub.pem');
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

/** Mailpit's SMTP `host:port`, as `scripts/infra/infra env` gives it (MAILPIT_SMTP). */
function smtpOf(env: NodeJS.ProcessEnv): { SMTP_HOST: string; SMTP_PORT: string } {
  const [host, port] = (env['MAILPIT_SMTP'] ?? '127.0.0.1:1025').split(':');
  return {
    SMTP_HOST: env['SMTP_HOST'] ?? host ?? '127.0.0.1',
    SMTP_PORT: env['SMTP_PORT'] ?? port ?? '1025',
  };
}

/**
 * What the services need on one machine besides the infrastructure endpoints: the demo realm as
 * the trainer directory, and the keys of the one-way tokens kept beside the local infrastructure so
 * that distinct counts survive restarts (a real deployment takes them from secrets).
 */
export function localServiceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const infraHome = env['RELAIS_INFRA_HOME'] ?? join(repositoryRoot, '.infra');
  const recipientKeys = localRecipientKeys(infraHome);
  return {
    ...env,
    NOTIFICATIONS_RECIPIENT_PRIVATE_KEY:
      env['NOTIFICATIONS_RECIPIENT_PRIVATE_KEY'] ?? recipientKeys.privateKey,
    NOTIFICATIONS_RECIPIENT_PUBLIC_KEY: env['NOTIFICATIONS_RECIPIENT_PUBLIC_KEY'] ?? recipientKeys.publicKey,
    NOTIFICATIONS_UNSUBSCRIBE_KEY:
      env['NOTIFICATIONS_UNSUBSCRIBE_KEY'] ?? localSecret(join(infraHome, 'notifications-unsubscribe-key')),
    // The mails go to Mailpit (scripts/infra/infra up mailpit); their links to the local gateway.
    ...smtpOf(env),
    PUBLIC_URL: env['PUBLIC_URL'] ?? 'http://127.0.0.1:8090',
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
