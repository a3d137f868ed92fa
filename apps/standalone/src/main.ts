import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  assertEmbeddedIdentityProviderAllowed,
  EmbeddedIdentityProviderRefused,
} from '@relais/auth/embedded';
import { createLogger, loadConfig, portNumber, runUntilSignalled } from '@relais/platform';
import { demoHistoryNotice, publishDemoHistory, seedDemoData, seedDemoHistory } from './seed/demo-data';
import { ensurePortalBuilt } from '@relais/host/portal';
import { startStandalone } from './standalone';
import { DemoSeeding } from './seed/demo-seeding';

// Standalone mode serves demo accounts with public passwords: never where NODE_ENV says production.
try {
  assertEmbeddedIdentityProviderAllowed(process.env);
} catch (error) {
  if (!(error instanceof EmbeddedIdentityProviderRefused)) throw error;
  process.stderr.write(`Relais standalone cannot start: ${error.message}.\n`);
  process.exit(1);
}

const config = loadConfig(
  z.object({
    PORT: portNumber().default(8080).describe('the HTTP port, default 8080'),
    HOST: z.string().min(1).default('127.0.0.1').describe('the address to listen on, default loopback'),
    RELAIS_SEED: z
      .enum(['demo', 'none'])
      .default('demo')
      .describe('"demo" seeds courses and feedback; "none" users only'),
    RELAIS_PUBLIC_URL: z.url().optional().describe('the URL clients use, default http://localhost:<PORT>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  }),
);

const logger = createLogger({ service: 'standalone', level: config.LOG_LEVEL });
const realmFile = fileURLToPath(new URL('../../../deploy/keycloak/realm-relais.json', import.meta.url));

await ensurePortalBuilt(logger);
const demoSeeding = new DemoSeeding(config.RELAIS_SEED === 'demo');
const standalone = await startStandalone({
  port: config.PORT,
  host: config.HOST,
  logger,
  realmFile,
  demoSeeding,
  ...(config.RELAIS_SEED === 'demo' ? { statsNotice: demoHistoryNotice } : {}),
  ...(config.RELAIS_PUBLIC_URL ? { publicBaseUrl: config.RELAIS_PUBLIC_URL } : {}),
});
// Counted from the process's start (performance's time origin), module loading included: what a person
// waits for after `npm start`, less npm itself.
logger.info(
  { url: standalone.baseUrl, readyInMs: Math.round(performance.now()) },
  `Relais standalone is ready on ${standalone.baseUrl} (API docs at ${standalone.baseUrl}/docs)`,
);
if (config.RELAIS_SEED === 'demo') {
  // The history first: a table asked for before its facts are counted would be published without them.
  const history = await seedDemoHistory(standalone.statsTallies, new Date());
  demoSeeding.historyDone();
  logger.info(
    { ...history, ...(await publishDemoHistory(standalone.baseUrl)) },
    'demo statistics history counted and published (synthetic, anonymous)',
  );
  const summary = await seedDemoData(standalone.baseUrl, realmFile);
  logger.info(summary, 'demo data seeded');
  demoSeeding.done();
}
runUntilSignalled({ logger, server: standalone.server, onShutdown: standalone.shutdownSteps });
