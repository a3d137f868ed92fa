import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { ensureTopics } from '@relais/bus';
import {
  eventually,
  freePort,
  parseTopicsFile,
  relaisClient,
  startDisposableKafka,
  topicsFilePath,
  userIdOf,
  type DisposableKafka,
} from '@relais/testing';
import { localServiceEnv } from '../src/local-service-env';

const enrollmentMain = fileURLToPath(new URL('../../../services/enrollment/src/main.ts', import.meta.url));

/**
 * docs/design.md §5 and §8: a broker outage degrades a service, it does not take it down. The enrollment
 * process runs on the production adapters against a Kafka broker of the test's own (the shared one
 * serves the suites running in parallel), which is killed while the service serves: /readyz stays
 * 200, a write is still accepted (201, its event waiting in the outbox), and once the broker is back
 * the event reaches its topic.
 */
describe('enrollment while its only Kafka broker is down', () => {
  let kafka: DisposableKafka;
  let service: ChildProcess | undefined;
  let baseUrl = '';
  const lines: string[] = [];

  beforeAll(async () => {
    for (const name of ['MONGO_URL', 'KEYCLOAK_URL']) {
      if (!process.env[name]) throw new Error(`${name} is not set: run through npm run test:int`);
    }
    kafka = await startDisposableKafka();
    const topics = parseTopicsFile(readFileSync(topicsFilePath, 'utf8'));
    await ensureTopics({ brokers: kafka.brokers, clientId: 'broker-stopped-setup' }, topics);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    service = spawn(process.execPath, ['--import', 'tsx', enrollmentMain], {
      env: localServiceEnv({
        ...process.env,
        NODE_OPTIONS: '',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: kafka.brokers.join(','),
        MONGO_DB: `broker-stopped-${randomUUID().slice(0, 8)}-enrollment`,
        RELAIS_COUNTING_KEY: randomUUID() + randomUUID(),
        PORT: String(port),
        HOST: '127.0.0.1',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [service.stdout, service.stderr])
      stream?.on('data', (chunk: Buffer) => lines.push(...String(chunk).split('\n')));
    await eventually(async () => {
      if (service?.exitCode !== null) throw new Error(`enrollment exited:\n${lines.slice(-20).join('\n')}`);
      const response = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
      return response?.ok ? true : undefined;
    }, 120_000);
  }, 300_000);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = once(service, 'exit');
      service.kill('SIGTERM');
      await exited;
    }
    await kafka?.remove();
  }, 60_000);

  it('stays ready, accepts writes, and relays them once the broker is back', async () => {
    const relais = relaisClient({ apiUrl: baseUrl, identityUrl: String(process.env['KEYCLOAK_URL']) });
    await relais.token('manager.lyon');

    await kafka.kill();

    const readiness = await fetch(`${baseUrl}/readyz`);
    expect(readiness.status).toBe(200);
    const title = `Broker down ${randomUUID().slice(0, 8)}`;
    const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
      title,
      academy: 'lyon',
      themes: ['resilience'],
      predictedHours: 3,
      trainerIds: [userIdOf('trainer.alice')],
    });
    expect(created.status).toBe(201);
    const courseId = String((created.body as { id: string }).id);

    await kafka.restart();

    const consumer = new Kafka({
      clientId: 'broker-stopped-check',
      brokers: kafka.brokers,
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId: `broker-stopped-${randomUUID()}` });
    const seen: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: 'enrollment.events.v1', fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message.value?.toString() ?? '');
        },
      });
      await eventually(
        async () => (seen.some((value) => value.includes(courseId)) ? true : undefined),
        120_000,
      );
    } catch (error) {
      console.error(lines.slice(-40).join('\n'));
      throw error;
    } finally {
      await consumer.disconnect();
    }
  }, 300_000);
});
