import { destination as fileDestination, pino, stdTimeFunctions } from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';
import { redactionPaths } from './personal-fields';

export interface LoggerOptions {
  service: string;
  level?: Level | 'silent';
  /** Where lines go; defaults to stdout. Tests pass a stream to capture lines. */
  destination?: DestinationStream;
}

/**
 * JSON lines with `service` on every line and personal fields removed (not masked: a masked key
 * still tells a reader that, say, an email was involved in this request).
 */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactionPaths(), remove: true },
    },
    // Asynchronous: a synchronous write is a system call per line, and a line per request made it the
    // heaviest function under load (docs/benchmarks.md). Pino flushes what is pending when the process
    // exits, and runUntilSignalled flushes on shutdown.
    destination ?? fileDestination({ dest: 1, sync: false }),
  );
}
