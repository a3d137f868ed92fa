import { z } from 'zod';
import { authenticate } from '@relais/auth';
import { services, type ServiceEntry, type ServiceModule } from '@relais/host';
import { createLogger, ServiceApi } from '@relais/platform';
import { demoRealmFile, relaisClient } from '@relais/testing';
import type { TokenVerifier } from '@relais/auth';
import { startStandalone, type Standalone } from '../src/standalone';

/** A sixth service that is nowhere but here: in the registry given to the standalone, and its factory. */
const notices: ServiceEntry = { name: 'notices', port: 8085, writes: [], reads: [] };

function noticesModule(verifier: TokenVerifier): ServiceModule {
  const api = new ServiceApi({ service: 'notices', title: 'Relais notices API', version: '0.1.0' });
  api.route({
    method: 'get',
    path: '/me/notices',
    operationId: 'myNotices',
    summary: 'The caller’s notices',
    middleware: [authenticate(verifier)],
    responses: { 200: { description: 'ok', schema: z.object({ for: z.string() }) } },
    handler: () => ({ status: 200, body: { for: 'you' } }),
  });
  return { name: 'notices', api, subscriptions: [], outboxStores: [] };
}

describe('a sixth service added to the registry', () => {
  let standalone: Standalone;
  beforeAll(async () => {
    standalone = await startStandalone({
      port: 0,
      logger: createLogger({ service: 'standalone-test', level: 'silent' }),
      realmFile: demoRealmFile,
      extraServices: { entries: [notices], factories: { notices: noticesModule } },
    });
  });
  afterAll(async () => standalone.stop());

  it('is served by the standalone at /api/<name>, with its OpenAPI document', async () => {
    expect(services.map(({ name }) => name)).not.toContain('notices');
    const response = await fetch(`${standalone.baseUrl}/api/notices/openapi.json`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { info: { title: string } }).info.title).toBe('Relais notices API');
  });

  it('requires its own audience, relais-<name>: a token for the others only is refused', async () => {
    const client = relaisClient({ apiUrl: standalone.baseUrl, identityUrl: standalone.baseUrl });
    const headers = { authorization: `Bearer ${await client.token('teacher.01')}` };
    // The demo realm was generated before notices existed: its tokens do not name it.
    expect((await fetch(`${standalone.baseUrl}/api/notices/me/notices`, { headers })).status).toBe(401);
    expect((await fetch(`${standalone.baseUrl}/api/enrollment/me/enrollments`, { headers })).status).toBe(
      200,
    );
  });
});
