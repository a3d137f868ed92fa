import type { EnrollmentLog } from '../../src/application/ports';

export interface CapturedLine {
  level: 'info' | 'warn';
  fields: Record<string, unknown>;
  message: string;
}

/** Enrollment's log port, keeping what background work writes, for tests to read. */
export function capturingLog(): EnrollmentLog & { lines: CapturedLine[] } {
  const lines: CapturedLine[] = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
  };
}
