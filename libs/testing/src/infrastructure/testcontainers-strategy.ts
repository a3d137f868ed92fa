import { access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { GenericContainer, Wait, getContainerRuntimeClient } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { realmFilePath } from './repository-paths';
import type { InfrastructureStrategy } from './resolve';
import { readPinnedVersion } from './versions-file';

/**
 * Way 2: a container runtime answers, so testcontainers starts Kafka, MongoDB, Keycloak and Mailpit from the
 * images pinned in scripts/infra/versions.env. Everything started here is stopped by release().
 */
export function testcontainersStrategy(): InfrastructureStrategy {
  return {
    source: 'testcontainers',
    async attempt() {
      let host: string;
      try {
        host = (await getContainerRuntimeClient()).info.containerRuntime.host;
      } catch (error) {
        return {
          outcome: 'unavailable',
          reason: `no container runtime answers (${(error as Error).message})`,
        };
      }
      await access(realmFilePath).catch(() => {
        throw new Error(`${realmFilePath} does not exist: Keycloak has no realm to import`);
      });
      const started = await Promise.allSettled([
        startKafka(host),
        startMongo(),
        startKeycloak(),
        startMailpit(),
      ]);
      const containers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const release = async (): Promise<void> => {
        await Promise.all(containers.map((container) => container.stop()));
      };
      const failure = started.find((result) => result.status === 'rejected');
      if (failure) {
        await release();
        throw failure.reason;
      }
      const [kafka, mongo, keycloak, mailpit] = containers as [
        StartedTestContainer,
        StartedTestContainer,
        StartedTestContainer,
        StartedTestContainer,
      ];
      return {
        outcome: 'resolved',
        infrastructure: {
          source: 'testcontainers',
          endpoints: {
            kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9092)}`,
            mongoUrl: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}/`,
            keycloakUrl: `http://${keycloak.getHost()}:${keycloak.getMappedPort(8080)}`,
            mailpit: {
              url: `http://${mailpit.getHost()}:${mailpit.getMappedPort(8025)}`,
              smtp: `${mailpit.getHost()}:${mailpit.getMappedPort(1025)}`,
            },
          },
          startedHere: true,
          release,
        },
      };
    },
  };
}

/**
 * Kafka advertises the address clients must use, so the host port is chosen before the container
 * starts (a free port of this machine) instead of being mapped at random.
 */
async function startKafka(host: string): Promise<StartedTestContainer> {
  const hostPort = await freePort();
  return new GenericContainer(await readPinnedVersion('KAFKA_IMAGE'))
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
}

async function startMongo(): Promise<StartedTestContainer> {
  return new GenericContainer(await readPinnedVersion('MONGO_IMAGE'))
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .start();
}

async function startKeycloak(): Promise<StartedTestContainer> {
  return new GenericContainer(await readPinnedVersion('KEYCLOAK_IMAGE'))
    .withCommand(['start-dev', '--import-realm', '--health-enabled=true'])
    .withCopyFilesToContainer([
      { source: realmFilePath, target: '/opt/keycloak/data/import/realm-relais.json' },
    ])
    .withExposedPorts(8080, 9000)
    .withWaitStrategy(Wait.forHttp('/health/ready', 9000).forStatusCode(200))
    .withStartupTimeout(180_000)
    .start();
}

async function startMailpit(): Promise<StartedTestContainer> {
  return new GenericContainer(await readPinnedVersion('MAILPIT_IMAGE'))
    .withCommand(['--smtp-auth-accept-any', '--smtp-auth-allow-insecure', '--enable-chaos'])
    .withExposedPorts(1025, 8025)
    .withWaitStrategy(Wait.forHttp('/api/v1/info', 8025).forStatusCode(200))
    .start();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
