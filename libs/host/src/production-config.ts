import { z } from 'zod';
import { booleanFlag, commaSeparatedList, loadConfig, portNumber } from '@relais/platform';

/** What every service process needs from its environment; validated once, at start-up. */
export function productionConfigSchema(service: string, defaultPort: number) {
  return z.object({
    PORT: portNumber().default(defaultPort).describe(`the HTTP port, default ${defaultPort}`),
    HOST: z.string().min(1).default('0.0.0.0').describe('the address to listen on'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MONGO_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// URL')
      .describe('the MongoDB URL of this service’s own database server, e.g. mongodb://127.0.0.1:27017/'),
    MONGO_DB: z.string().min(1).default(`relais-${service}`).describe('the database name'),
    KAFKA_BROKERS: commaSeparatedList('a comma-separated list of Kafka brokers host:port'),
    KAFKA_SSL: booleanFlag().default(false),
    KAFKA_SASL_USERNAME: z
      .string()
      .min(1)
      .optional()
      .describe('SCRAM-SHA-512 user (with KAFKA_SASL_PASSWORD)'),
    KAFKA_SASL_PASSWORD: z.string().min(1).optional().describe('SCRAM-SHA-512 password'),
    KEYCLOAK_URL: z.url().describe('the Keycloak base URL, without /realms, e.g. http://127.0.0.1:8180'),
    KEYCLOAK_REALM: z.string().min(1).default('relais'),
    RELAIS_PERSON_KEY_SECRET: z
      .string()
      .min(32, 'at least 32 characters')
      .optional()
      .describe(
        'the secret all services share to find a person’s key (ADR 0033); required of those that handle events naming people',
      ),
    RELAIS_KEYRING_DB: z
      .string()
      .min(1)
      .default('relais-keyring')
      .describe('the database of the per-person keys, shared by the services on MONGO_URL’s server'),
    KEYCLOAK_AUDIENCE: z
      .string()
      .min(1)
      .default(`relais-${service}`)
      .describe('the audience this API requires'),
  });
}

export type ProductionConfig = z.infer<ReturnType<typeof productionConfigSchema>>;

export function loadProductionConfig(
  service: string,
  defaultPort: number,
  env = process.env,
): ProductionConfig {
  const config = loadConfig(productionConfigSchema(service, defaultPort), env);
  if ((config.KAFKA_SASL_USERNAME === undefined) !== (config.KAFKA_SASL_PASSWORD === undefined)) {
    throw new Error('Invalid configuration: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together.');
  }
  return config;
}
