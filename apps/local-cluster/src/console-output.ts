import type { Writable } from 'node:stream';
import pinoPretty from 'pino-pretty';
import type { Logger } from 'pino';
import { createLogger } from '@relais/platform';

const PRETTY_OPTIONS = {
  colorize: true,
  translateTime: 'SYS:HH:MM:ss.l',
  // pid and hostname are the same on every line, and service is printed before the message.
  ignore: 'pid,hostname,service',
  messageFormat: '[{service}] {msg}',
  singleLine: true,
} as const;

/**
 * How `start:services` prints its own lines and its services' lines: readable on a terminal, the
 * services' JSON lines unchanged otherwise (a file, a pipe, CI), where tools read them.
 */
export interface ConsoleOutput {
  logger: Logger;
  printServiceLine(line: string): void;
}

export function consoleOutput(stream: Writable & { isTTY?: boolean } = process.stdout): ConsoleOutput {
  if (!stream.isTTY) {
    return {
      logger: createLogger({ service: 'local-cluster' }),
      printServiceLine: (line) => stream.write(`${line}\n`),
    };
  }
  const prettify = pinoPretty.prettyFactory(PRETTY_OPTIONS);
  return {
    logger: createLogger({
      service: 'local-cluster',
      destination: pinoPretty({ ...PRETTY_OPTIONS, destination: stream, sync: true }),
    }),
    printServiceLine: (line) => {
      // Lines that are not pino's JSON (a crash's stack trace on stderr) are printed as they came.
      if (!line.startsWith('{')) {
        stream.write(`${line}\n`);
        return;
      }
      try {
        stream.write(prettify(JSON.parse(line) as object));
      } catch {
        stream.write(`${line}\n`);
      }
    },
  };
}
