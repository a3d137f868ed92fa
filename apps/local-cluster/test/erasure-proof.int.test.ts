import { randomInt, randomUUID } from 'node:crypto';
import { allTopics } from '@relais/contracts';
import { startOtlpReceiver, type OtlpReceiver } from '@relais/telemetry/testing';
import {
  keycloakAdmin,
  relaisClient,
  runErasureFlow,
  searchKafka,
  searchLines,
  searchMongo,
  type KeycloakAdmin,
} from '@relais/testing';
import { services } from '@relais/host';
import { startLocalCluster, type LocalCluster } from '../src/index';
import { localServiceEnv } from '../src/local-service-env';

/**
 * Issue 19's proof, on the real infrastructure and across five processes: a teacher with distinctive
 * values uses every feature, is deleted in Keycloak, and then his id, name, email and school are
 * nowhere: in no MongoDB collection of any service (nor the keyring), on no Kafka topic (dead letters
 * included), in no log line and in no exported span. Others' views stay as they were.
 */
describe('erasure proof across processes', () => {
  let receiver: OtlpReceiver;
  let cluster: LocalCluster;
  let identity: KeycloakAdmin;
  const lines: string[] = [];
  const databasePrefix = `erasure-${randomUUID().slice(0, 8)}`;
  const keycloakUrl = String(process.env['KEYCLOAK_URL']);

  beforeAll(async () => {
    for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL']) {
      if (!process.env[name]) throw new Error(`${name} is not set: run through npm run test:int`);
    }
    receiver = await startOtlpReceiver();
    identity = await keycloakAdmin(keycloakUrl);
    cluster = await startLocalCluster({
      env: localServiceEnv({
        ...process.env,
        // Everything the services would ever say, so that the search covers it.
        LOG_LEVEL: 'debug',
        RELAIS_COUNTING_KEY: randomUUID() + randomUUID(),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '200',
        RELAIS_IDENTITY_EVENTS_INTERVAL_MS: '500',
      }),
      gatewayPort: 0,
      basePort: 18_281,
      databasePrefix,
      onLine: (service, line) => lines.push(`${service}: ${line}`),
    });
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
  }, 60_000);

  it('leaves nothing of a deleted teacher in any store, topic, log line or span', async () => {
    const marker = `${randomUUID().slice(0, 6)}`;
    const teacher = {
      username: `effacement.${marker}`,
      firstName: `Zéphyrine${marker}`,
      lastName: `Effacée${marker}`,
      email: `zephyrine.${marker}@effacement.invalid`,
      academy: 'lyon',
      district: 'lyon-d1',
      school: `069${String(randomInt(1000, 9999))}Z`,
    };
    const id = await identity.createTeacher(teacher);
    const relais = relaisClient({ apiUrl: cluster.gatewayUrl, identityUrl: keycloakUrl });

    const erased = runErasureFlow(relais, {
      person: { username: teacher.username, id },
      // The real path: an administrator deletes the account; Relais learns it from Keycloak's admin events.
      erase: () => identity.deleteUser(id),
      timeoutMs: 60_000,
    });
    const outcome = await erased.catch((error: unknown) => {
      console.error(lines.filter((line) => /erase|erasure|"level":"(warn|error)"/.test(line)).join('\n'));
      throw error;
    });

    const distinctive = [
      id,
      teacher.firstName,
      teacher.lastName,
      teacher.email,
      teacher.school,
      teacher.username,
    ];
    const databases = [
      ...services.map(({ name }) => `${databasePrefix}-${name}`),
      `${databasePrefix}-keyring`,
    ];
    // Each search finds what is there: his named item's text stays (« Ancien participant »), and the
    // course is the key of its events on the topics.
    const [namedText] = outcome.texts;
    const stored = await searchMongo(String(process.env['MONGO_URL']), databases, [
      ...distinctive,
      namedText!,
    ]);
    expect(stored.filter((hit) => hit.value !== namedText)).toEqual([]);
    expect(stored.some((hit) => hit.where.startsWith(`${databasePrefix}-feedback.`))).toBe(true);

    const brokers = String(process.env['KAFKA_BROKERS']).split(',');
    const kafka = await searchKafka(brokers, allTopics, [...distinctive, outcome.courseId]);
    expect(kafka.hits.filter((hit) => hit.value !== outcome.courseId)).toEqual([]);
    expect(kafka.hits.some((hit) => hit.where.startsWith('enrollment.events.v1/'))).toBe(true);

    expect(lines.length).toBeGreaterThan(0);
    expect(searchLines('logs', lines, distinctive)).toEqual([]);
    // Give the processes' span exporters a moment to flush what the erasure produced.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.bodies().length).toBeGreaterThan(0);
    expect(searchLines('spans', receiver.bodies(), distinctive)).toEqual([]);
  }, 300_000);
});
