import type { Telemetry } from './start-telemetry';

/**
 * Kept on globalThis rather than in a module variable: a container image runs the register entry
 * point and the service as two bundles, each with its own copy of this module, and both must see the
 * one instance the process started.
 */
const ACTIVE_TELEMETRY = Symbol.for('relais.telemetry.active');

type TelemetryHolder = { [ACTIVE_TELEMETRY]?: Telemetry };

export function setActiveTelemetry(telemetry: Telemetry): void {
  (globalThis as TelemetryHolder)[ACTIVE_TELEMETRY] = telemetry;
}

/**
 * The telemetry started by `--import @relais/telemetry/register`, for the service main to serve
 * /metrics and to shut down; undefined when the process was started without it.
 */
export function activeTelemetry(): Telemetry | undefined {
  return (globalThis as TelemetryHolder)[ACTIVE_TELEMETRY];
}
