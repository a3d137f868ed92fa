import { createLogger } from '../../src';

/** A logger whose lines are kept in memory, parsed, for assertions. */
export function capturingLogger(service = 'test') {
  const lines: string[] = [];
  const destination = {
    write(chunk: string) {
      lines.push(...chunk.split('\n').filter((line) => line.length > 0));
    },
  };
  const logger = createLogger({ service, destination });
  return {
    logger,
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
