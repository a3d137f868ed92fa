import { z } from 'zod';
import { loadConfig, portNumber } from '@relais/platform';
import { consoleOutput } from './console-output';
import { infrastructureEnv } from './infrastructure-env';
import { startLocalCluster } from './local-cluster';
import { localServiceEnv } from './local-service-env';

/**
 * `npm run start:services`: production mode on this machine. Four processes on real Kafka,
 * FerretDB and Keycloak (from the environment, or started by scripts/infra), one gateway in front.
 */
const config = loadConfig(
  z.object({
    GATEWAY_PORT: portNumber().default(8090).describe('where /api/<service> is served, default 8090'),
  }),
);
const { logger, printServiceLine } = consoleOutput();
const cluster = await startLocalCluster({
  env: localServiceEnv(infrastructureEnv(process.env)),
  gatewayPort: config.GATEWAY_PORT,
  onLine: (_service, line) => printServiceLine(line),
  logger,
});
logger.info(
  {
    gateway: cluster.gatewayUrl,
    services: cluster.services.map(({ name, port }) => ({ service: name, port })),
  },
  `Relais services are up behind ${cluster.gatewayUrl}/api/<service>`,
);
const stop = async () => {
  await cluster.stop();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
