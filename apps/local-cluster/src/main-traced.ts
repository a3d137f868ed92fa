import { z } from 'zod';
import { loadConfig, portNumber } from '@relais/platform';
import { consoleOutput } from './console-output';
import { infrastructureEnv } from './infrastructure-env';
import { startLocalCluster } from './local-cluster';
import { localServiceEnv } from './local-service-env';
import { TRACE_VIEWER_OTLP, TRACE_VIEWER_URL, ensureJaeger, startTraceViewer } from './trace-viewer';

/**
 * `npm run start:services:traced`: production mode on this machine, as `start:services`, with every
 * service exporting its (redacted) traces to a local Jaeger. Look a trace up by the `trace_id` of any
 * log line: http://127.0.0.1:16686/api/traces/<trace_id>, or list a service's recent traces with
 * http://127.0.0.1:16686/api/traces?service=relais-feedback.
 */
const config = loadConfig(
  z.object({
    GATEWAY_PORT: portNumber().default(8090).describe('where /api/<service> is served, default 8090'),
  }),
);
const { logger, printServiceLine } = consoleOutput();
const jaeger = await startTraceViewer(ensureJaeger(process.env, (line) => logger.info(line)));
const cluster = await startLocalCluster({
  env: localServiceEnv({
    ...infrastructureEnv(process.env),
    OTEL_EXPORTER_OTLP_ENDPOINT: TRACE_VIEWER_OTLP,
    OTEL_BSP_SCHEDULE_DELAY: '500',
  }),
  gatewayPort: config.GATEWAY_PORT,
  onLine: (_service, line) => printServiceLine(line),
  logger,
});
logger.info(
  { gateway: cluster.gatewayUrl, traces: TRACE_VIEWER_URL },
  `Relais services are up behind ${cluster.gatewayUrl}/api/<service>; traces at ${TRACE_VIEWER_URL}/api/traces?service=relais-feedback`,
);
const stop = async () => {
  await cluster.stop();
  jaeger.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
