import type { Telemetry } from './start-telemetry';

let active: Telemetry | undefined;

export function setActiveTelemetry(telemetry: Telemetry): void {
  active = telemetry;
}

/**
 * The telemetry started by `--import @relais/telemetry/register`, for the service main to serve
 * /metrics and to shut down; undefined when the process was started without it.
 */
export function activeTelemetry(): Telemetry | undefined {
  return active;
}
