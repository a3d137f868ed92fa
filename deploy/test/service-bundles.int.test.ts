import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { bundleService } from '../../scripts/tools/bundle-service';
import { repositoryRoot, SERVICES } from './support/paths';

/**
 * The bundles that go into the images, against real Kafka, MongoDB and Keycloak: proof that mongoose,
 * kafkajs and the token verifier work bundled (or left out of the bundle) as they do from the sources.
 */
let outDir = '';
beforeAll(async () => {
  for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through npm run test:int`);
  }
  await mkdir(join(repositoryRoot, 'dist'), { recursive: true });
  outDir = await mkdtemp(join(repositoryRoot, 'dist', 'bundle-int-test-'));
});
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

// Notifications opens what feedback seals with the public half (ADR 0030); the bundles get a pair of their own.
const recipientKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const [smtpHost = '127.0.0.1', smtpPort = '1025'] = (process.env['MAILPIT_SMTP'] ?? '')
  .split(':')
  .filter(Boolean);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`exited with ${child.exitCode} before it was ready:\n${output()}`);
    const ready = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready within 30 s:\n${output()}`);
}

describe.each(SERVICES)('the %s bundle on real infrastructure', (service) => {
  it('becomes ready and stops cleanly on SIGTERM', async () => {
    const { entry } = await bundleService(service, join(outDir, service));
    const port = await freePort();
    const child = spawn(process.execPath, [entry], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MONGO_URL: String(process.env['MONGO_URL']),
        MONGO_DB: `bundle-test-${service}-${port}`,
        KAFKA_BROKERS: String(process.env['KAFKA_BROKERS']),
        KEYCLOAK_URL: String(process.env['KEYCLOAK_URL']),
        OTEL_SERVICE_NAME: `relais-${service}`,
        RELAIS_COUNTING_KEY: 'bundle-test-counting-key-of-32-characters',
        RELAIS_PERSON_KEY_SECRET: 'bundle-test-person-key-secret-of-32-characters',
        RELAIS_KEYRING_DB: `bundle-test-keyring-${port}`,
        RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET: 'demo-enrollment-identity-events-secret',
        FEEDBACK_AUTHOR_KEY: 'bundle-test-author-key-of-32-characters',
        TRAINER_DIRECTORY_REALM_FILE: join(repositoryRoot, 'deploy/keycloak/realm-relais.json'),
        NOTIFICATIONS_RECIPIENT_PUBLIC_KEY: recipientKeys.publicKey,
        NOTIFICATIONS_RECIPIENT_PRIVATE_KEY: recipientKeys.privateKey,
        NOTIFICATIONS_UNSUBSCRIBE_KEY: 'bundle-test-unsubscribe-key-of-32-characters',
        PUBLIC_URL: 'https://relais.example',
        SMTP_HOST: smtpHost,
        SMTP_PORT: smtpPort,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/readyz`, child, () => output);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
