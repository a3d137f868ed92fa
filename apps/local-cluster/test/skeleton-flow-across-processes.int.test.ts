import { randomUUID } from 'node:crypto';
import { relaisClient, runSkeletonFlow } from '@relais/testing';
import { startLocalCluster, type LocalCluster } from '../src/index';
import { localServiceEnv } from '../src/local-service-env';

/**
 * The skeleton flow across four processes on the production adapters: tokens from the real
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

  it('counts completions in the ministry table, with events travelling through Kafka', async () => {
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

  it('routes only /api/<service> and answers anything else with a JSON 404', async () => {
    const response = await fetch(`${cluster.gatewayUrl}/elsewhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
