import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createJwksTokenVerifier, type TokenVerifier } from '@relais/auth';
import { KafkaEventBus, MongoPersonKeyring, PersonSealer } from '@relais/bus';
import { createLogger, runUntilSignalled } from '@relais/platform';
import { connectMongo, ensureIndexes, isMongoOutage, mongoReadiness, redactUrl } from '@relais/store';
import { activeTelemetry, outboxTelemetryPlugin, startTelemetry } from '@relais/telemetry';
import { identityProviderReadiness } from './identity-provider-readiness';
import { productionHealthChecks } from './production-health';
import { loadProductionConfig, type ProductionConfig } from './production-config';
import { startServiceHost } from './service-host';
import type { PersonKeys } from './erasure-subscription';
import { handlesPersonalEvents, serviceEntry, servicesThatErase, type ServiceName } from './service-registry';
import type { ServiceModule } from './service-module';

export interface ProductionInfrastructure {
  config: ProductionConfig;
  /** This service's own database, nobody else's (docs/design.md §3). */
  connection: Connection;
  verifier: TokenVerifier;
  /** The per-person keys every service shares (ADR 0033): the host seals with them. */
  personKeys: PersonKeys;
}

/**
 * Runs one service in its own process on the production adapters: MongoDB, Kafka, Keycloak, on the
 * port the registry gives it unless PORT says otherwise.
 * A dependency that is down at start-up stops the process with one line naming it and how to start
 * it, rather than a crash loop without a word.
 */
export async function runProductionService(
  service: ServiceName,
  assemble: (infrastructure: ProductionInfrastructure) => ServiceModule | Promise<ServiceModule>,
): Promise<void> {
  const config = loadProductionConfig(service, serviceEntry(service).port);
  const logger = createLogger({ service, level: config.LOG_LEVEL });
  const telemetry = activeTelemetry() ?? startTelemetryLate(service, logger);

  let connection: Connection;
  try {
    connection = await connectMongo({
      url: config.MONGO_URL,
      dbName: config.MONGO_DB,
      appName: `relais-${service}`,
    });
  } catch (error) {
    logger.fatal(
      `MongoDB is unreachable at ${redactUrl(config.MONGO_URL)}: start it (scripts/infra/infra up mongo) or fix MONGO_URL`,
    );
    throw error;
  }
  const bus = new KafkaEventBus({
    clientId: `relais-${service}`,
    brokers: config.KAFKA_BROKERS,
    ...(config.KAFKA_SSL ? { ssl: true } : {}),
    ...(config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD
      ? {
          sasl: {
            mechanism: 'scram-sha-512',
            username: config.KAFKA_SASL_USERNAME,
            password: config.KAFKA_SASL_PASSWORD,
          },
        }
      : {}),
    logger,
    // A database outage is waited out, not dead-lettered: the events are good (nothing accepted is lost).
    isTransient: isMongoOutage,
  });
  try {
    await bus.ready();
  } catch (error) {
    logger.fatal(
      `Kafka is unreachable at ${config.KAFKA_BROKERS.join(',')}: start it (scripts/infra/infra up kafka) or fix KAFKA_BROKERS`,
    );
    await connection.close();
    throw error;
  }
  const verifier = createJwksTokenVerifier({
    authServerUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
    clientId: config.KEYCLOAK_AUDIENCE,
  });

  const personKeys = personKeysOn(connection, service, config);

  // Before the repositories compile their models: every outbox write is marked with its trace context.
  connection.plugin(outboxTelemetryPlugin);
  const module = await assemble({ config, connection, verifier, personKeys });
  await ensureIndexes(connection);
  const host = await startServiceHost(
    {
      logger,
      modules: [module],
      bus,
      personKeys,
      metrics: telemetry.metrics,
      ...productionHealthChecks({
        database: mongoReadiness(connection),
        bus,
        identityProvider: identityProviderReadiness(config.KEYCLOAK_URL, config.KEYCLOAK_REALM),
      }),
      dependencies: [
        { name: 'mongo', close: () => connection.close() },
        { name: 'telemetry', close: () => telemetry.shutdown() },
      ],
    },
    config.PORT,
    config.HOST,
  );
  logger.info({ port: host.port }, `relais-${service} is listening on port ${host.port}`);
  runUntilSignalled({ logger, server: host.server, onShutdown: host.shutdownSteps });
}

/**
 * The keyring in its own database on the same server (ADR 0033), shared by every service. A service
 * that handles events naming people cannot run without the shared secret: it would seal under keys
 * nobody else finds. Stats, which reads anonymous facts only, gets a keyring it never uses.
 */
function personKeysOn(connection: Connection, service: ServiceName, config: ProductionConfig): PersonKeys {
  const secret = config.RELAIS_PERSON_KEY_SECRET;
  if (!secret && handlesPersonalEvents(serviceEntry(service))) {
    throw new Error(
      `Invalid configuration: RELAIS_PERSON_KEY_SECRET is required: relais-${service} handles events naming people (ADR 0033).`,
    );
  }
  const keyring = MongoPersonKeyring.on(
    connection.useDb(config.RELAIS_KEYRING_DB, { useCache: true }),
    servicesThatErase(),
  );
  return {
    keyring,
    sealer: new PersonSealer({ keyring, keyIdSecret: secret ?? 'unused: no events naming people' }),
  };
}

/**
 * Started from here, telemetry comes after express, mongoose and pino were imported: in ES modules
 * their instrumentation can no longer apply, so only /metrics and the bus's own spans work. Processes
 * start it first with `node --import @relais/telemetry/register` (local cluster, container images).
 */
function startTelemetryLate(service: string, logger: Logger) {
  logger.warn(
    'telemetry was not started by --import @relais/telemetry/register: HTTP, database and log correlation are not instrumented',
  );
  return startTelemetry({ serviceName: `relais-${service}` });
}
