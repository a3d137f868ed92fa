import { z } from 'zod';
import { ensurePortalBuilt } from '@relais/host/portal';
import { loadConfig, portNumber } from '@relais/platform';
import { consoleOutput } from './console-output';
import { infrastructureEnv } from './infrastructure-env';
import { startLocalCluster } from './local-cluster';
import { keycloakAuthority, localServiceEnv } from './local-service-env';

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
const env = localServiceEnv(infrastructureEnv(process.env));
await ensurePortalBuilt(logger);
const cluster = await startLocalCluster({
  env,
  gatewayPort: config.GATEWAY_PORT,
  onLine: (_service, line) => printServiceLine(line),
  logger,
  // Keycloak on its own port, as on its own host in Kubernetes: the portal learns it at run time.
  portal: { oidcAuthority: keycloakAuthority(env) },
});
logger.info(
  {
    gateway: cluster.gatewayUrl,
    services: cluster.services.map(({ name, port }) => ({ service: name, port })),
  },
  `Relais services are up behind ${cluster.gatewayUrl}/api/<service>, the portal at ${cluster.gatewayUrl}/`,
);
const stop = async () => {
  await cluster.stop();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
