import { destination as fileDestination, pino, stdTimeFunctions } from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';
import { withoutPersonalFields } from './personal-fields';

export interface LoggerOptions {
  service: string;
  level?: Level | 'silent';
  /** Where lines go; defaults to stdout. Tests pass a stream to capture lines. */
  destination?: DestinationStream;
}

/**
 * JSON lines with `service` on every line and personal fields removed (not masked: a masked key
 * still tells a reader that, say, an email was involved in this request).
 *
 * Removed by one walk over what each line carries (formatters, which pino runs before serializing
 * anything), not by pino's path redaction: that walked ~120 wildcard paths on every line and was
 * the heaviest part of a request (docs/benchmarks.md, ADR 0029).
 */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const logger = pino(
    {
      level,
      base: { service },
      timestamp: stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: withoutPersonalFields,
      },
    },
    destination ?? bufferedStdout(),
  );
  // A child's bindings are written once, when it is made, and pino passes them through no formatter;
  // children inherit this method from the root, so grandchildren are covered too.
  const childOf = logger.child;
  logger.child = function childWithoutPersonalFields(this: Logger, bindings, options) {
    return childOf.call(this, withoutPersonalFields(bindings), options);
  } as Logger['child'];
  return logger;
}

/** Lines wait at most this long in the buffer when fewer than BUFFERED_BYTES arrive. */
const STDOUT_FLUSH_INTERVAL_MS = 250;
const BUFFERED_BYTES = 4096;

/**
 * Stdout, asynchronous and buffered: a write is a system call, and one per line made logging the
 * heaviest part of a request under load (docs/benchmarks.md, ADR 0029). Lines go out by 4 kB, or
 * after a quarter of a second on a quiet service; pino flushes what is pending when the process
 * exits, and runUntilSignalled flushes on shutdown.
 */
function bufferedStdout(): DestinationStream {
  const stdout = fileDestination({ dest: 1, sync: false, minLength: BUFFERED_BYTES });
  setInterval(() => {
    try {
      stdout.flush();
    } catch {
      // Destroyed: the process is ending, and its last flush has run.
    }
  }, STDOUT_FLUSH_INTERVAL_MS).unref();
  return stdout;
}
