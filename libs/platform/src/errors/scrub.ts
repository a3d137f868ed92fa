/**
 * Best-effort removal of personal values from a free-text error message before it is logged.
 * Hand-written because no maintained library targets this data set (French school codes, our ids);
 * the patterns err on the side of removing too much.
 */
const SCRUBBERS: ReadonlyArray<[RegExp, string]> = [
  [/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]'],
  [/[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g, '[email]'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[id]'],
  [/\b[0-9a-f]{24}\b/gi, '[id]'],
  // UAI, the national school code: 7 digits and a check letter.
  [/\b\d{7}[A-Z]\b/gi, '[school]'],
  [/"[^"]*"|'[^']*'|`[^`]*`/g, '[value]'],
  [/\d{3,}/g, '[number]'],
];

const MAX_LENGTH = 200;

export function scrubMessage(message: string): string {
  const scrubbed = SCRUBBERS.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    message,
  );
  return scrubbed.length > MAX_LENGTH ? `${scrubbed.slice(0, MAX_LENGTH)}…` : scrubbed;
}

/** Stack frames only: the first line of a stack repeats the (unscrubbed) message. */
export function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
}
