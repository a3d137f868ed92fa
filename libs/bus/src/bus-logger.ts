/**
 * The subset of a pino logger the bus uses, so that callers pass their pino instance as is and tests
 * pass a recorder. Fields must never contain message keys, payloads or other personal data.
 */
export interface BusLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const ignore = (): void => undefined;

export const silentLogger: BusLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
