/**
 * Starts telemetry before the application is loaded. ESM imports are bound at link time, so
 * instrumentations can only patch express, mongoose, kafkajs… if a loader hook is registered
 * before the main module is imported; hence a separate entry point for `--import`:
 *
 *   OTEL_SERVICE_NAME=enrollment node --import tsx --import @relais/telemetry/register services/enrollment/src/main.ts
 *
 * (or the same flags in NODE_OPTIONS). The main module then takes the running instance:
 *
 *   const telemetry = activeTelemetry();          // from '@relais/telemetry'
 *   createHttpApp({ ..., metrics: telemetry?.metrics });
 *   runUntilSignalled({ ..., onShutdown: [...consumers, producer, database, { name: 'telemetry', close: () => telemetry?.shutdown() ?? Promise.resolve() }] });
 */
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { setActiveTelemetry } from './active-telemetry';
import { startTelemetry } from './start-telemetry';

// Only the modules an instrumentation asked for are wrapped, not every module of the process.
const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

const serviceName = process.env.OTEL_SERVICE_NAME?.trim();
if (!serviceName) {
  throw new Error(
    'OTEL_SERVICE_NAME is missing: the service name to report telemetry under, e.g. enrollment',
  );
}
setActiveTelemetry(startTelemetry({ serviceName }));

await waitForAllMessagesAcknowledged();
