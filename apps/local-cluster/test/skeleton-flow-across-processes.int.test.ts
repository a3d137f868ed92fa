import { randomUUID } from 'node:crypto';
import express from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createEmbeddedIdentityProvider } from '@relais/auth/embedded';
import {
  demoRealmFile,
  passwordGrant,
  relaisClient,
  runCourseLife,
  runNotificationsFlow,
  runSkeletonFlow,
  type ReceivedMail,
} from '@relais/testing';
import { startLocalCluster, type LocalCluster } from '../src/index';
import { localServiceEnv } from '../src/local-service-env';

/**
 * The skeleton flow across five processes on the production adapters: tokens from the real
 * Keycloak, state in the MongoDB-compatible server, events and facts through real Kafka.
 */
describe('skeleton flow across processes', () => {
  let cluster: LocalCluster;
  const lines: string[] = [];

  beforeAll(async () => {
    for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL']) {
      if (!process.env[name]) throw new Error(`${name} is not set: run through npm run test:int`);
    }
    cluster = await startLocalCluster({
      env: localServiceEnv({
        ...process.env,
        LOG_LEVEL: 'warn',
        RELAIS_COUNTING_KEY: randomUUID() + randomUUID(),
      }),
      gatewayPort: 0,
      basePort: 18_081,
      databasePrefix: `skeleton-${randomUUID().slice(0, 8)}`,
      onLine: (service, line) => lines.push(`${service}: ${line}`),
    });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('carries a course to completion through Kafka; stats says when the period will be published', async () => {
    const relais = relaisClient({
      apiUrl: cluster.gatewayUrl,
      identityUrl: String(process.env['KEYCLOAK_URL']),
    });
    try {
      await runSkeletonFlow(relais);
    } catch (error) {
      // What the processes said is the first thing to read when this fails.
      console.error(lines.slice(-40).join('\n'));
      throw error;
    }
  }, 120_000);

  it('lives a course through every service: inspector, progress bars, anonymous feedback', async () => {
    const relais = relaisClient({
      apiUrl: cluster.gatewayUrl,
      identityUrl: String(process.env['KEYCLOAK_URL']),
    });
    try {
      await runCourseLife(relais);
    } catch (error) {
      console.error(lines.slice(-40).join('\n'));
      throw error;
    }
  }, 120_000);

  it('mails a trainer’s reply to the teacher through Mailpit, leaking nothing', async () => {
    const mailpit = process.env['MAILPIT_URL'];
    if (!mailpit) throw new Error('MAILPIT_URL is not set: start Mailpit (scripts/infra/infra up mailpit)');
    const relais = relaisClient({
      apiUrl: cluster.gatewayUrl,
      identityUrl: String(process.env['KEYCLOAK_URL']),
    });
    const mailsTo = async (address: string): Promise<ReceivedMail[]> => {
      const search = await fetch(`${mailpit}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
      const { messages } = (await search.json()) as { messages: { ID: string }[] };
      return Promise.all(
        messages.map(async ({ ID }) => {
          const message = (await (await fetch(`${mailpit}/api/v1/message/${ID}`)).json()) as {
            Subject: string;
            Text: string;
            HTML: string;
          };
          return { to: address, subject: message.Subject, text: message.Text, html: message.HTML };
        }),
      );
    };
    try {
      await runNotificationsFlow(relais, mailsTo);
    } catch (error) {
      console.error(lines.slice(-40).join('\n'));
      throw error;
    }
  }, 120_000);

  const protectedRoutes = [
    { username: 'teacher.01', path: '/api/enrollment/me/enrollments' },
    { username: 'teacher.01', path: '/api/progress/courses/00000000-0000-4000-8000-000000000000/activities' },
    { username: 'teacher.01', path: '/api/feedback/me/messages' },
    { username: 'ministry.dne', path: '/api/stats/catalogue' },
    { username: 'teacher.01', path: '/api/notifications/me/notifications' },
  ];

  it('accepts real Keycloak tokens in every service, and refuses tampered ones and other issuers', async () => {
    const keycloakUrl = String(process.env['KEYCLOAK_URL']);
    // Another identity provider that calls its realm "relais" too, with the same users: a stranger.
    const stranger = express();
    const server = stranger.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const strangerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    createEmbeddedIdentityProvider({ publicBaseUrl: strangerUrl, realmFile: demoRealmFile }).mount(stranger);
    try {
      for (const { username, path } of protectedRoutes) {
        const genuine = await passwordGrant({ baseUrl: keycloakUrl, username });
        const call = (token: string) =>
          fetch(`${cluster.gatewayUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
        expect({ path, status: (await call(genuine)).status }).toEqual({
          path,
          status: path.includes('activities') ? 404 : 200,
        });
        const [header, payload, signature] = genuine.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
        claims.realm_access = { roles: ['ministry', 'trainer', 'teacher'] };
        const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join(
          '.',
        );
        expect({ path, status: (await call(tampered)).status }).toEqual({ path, status: 401 });
        const foreign = await passwordGrant({ baseUrl: strangerUrl, username });
        expect({ path, status: (await call(foreign)).status }).toEqual({ path, status: 401 });
      }
    } finally {
      server.close();
      server.closeAllConnections();
    }
  }, 60_000);

  it('routes only /api/<service> and answers anything else with a JSON 404', async () => {
    const response = await fetch(`${cluster.gatewayUrl}/elsewhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
