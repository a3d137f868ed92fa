/*
 * Error messages end up in dead-letter headers and logs. Handlers may build messages from the data
 * they handle (ids, emails, school codes, quoted values), so everything that looks like a value is
 * replaced before a message leaves the process. Hand-written because it is a few regular expressions
 * and the rules are ours (docs/design.md §7); it is defence in depth, not a licence to put personal data in
 * error messages.
 */
const MAX_MESSAGE_LENGTH = 200;
const REDACTED = '<redacted>';

const VALUE_PATTERNS: readonly RegExp[] = [
  /\{[\s\S]*\}|\[[\s\S]*\]/g, // JSON fragments
  /"[^"]*"|'[^']*'|`[^`]*`/g, // quoted values
  /[^\s@]+@[^\s@]+/g, // emails
  /[\w.:/-]*\d[\w.:/-]*/g, // anything carrying a digit: ids, uuids, UAI codes, dates, numbers
];

export function scrubMessage(message: string): string {
  const scrubbed = VALUE_PATTERNS.reduce((text, pattern) => text.replace(pattern, REDACTED), message)
    .replace(/\s+/g, ' ')
    .trim();
  return scrubbed.length > MAX_MESSAGE_LENGTH ? `${scrubbed.slice(0, MAX_MESSAGE_LENGTH)}…` : scrubbed;
}

/** The error's class name, safe anywhere: never its message. */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return name.replace(/[^\w]/g, '').slice(0, 64) || 'Error';
}

/** `Name: scrubbed message`, safe for logs and headers. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? scrubMessage(error.message) : '';
  return message ? `${errorName(error)}: ${message}` : errorName(error);
}
