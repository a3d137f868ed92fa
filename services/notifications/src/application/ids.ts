import { createHash } from 'node:crypto';

/**
 * Ids derived from what caused a record (an event and a recipient, a day and a course), so that a
 * redelivered event or a rerun digest writes the same record again instead of a second one.
 */
export function derivedId(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 22);
}

export const derivedIdPattern = /^[A-Za-z0-9_-]{22}$/;
