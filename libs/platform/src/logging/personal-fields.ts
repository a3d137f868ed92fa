import { stackFrames } from '../errors/scrub';

/**
 * Keys that hold personal data (token claims, profile fields, free text) or secrets. They are
 * removed from log lines wherever they appear, at any depth.
 */
export const PERSONAL_FIELDS = [
  // Token claims and profile fields (docs/api.md "Token claims used").
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'username',
  'displayName',
  'firstName',
  'lastName',
  'email',
  'sub',
  'userId',
  'teacherId',
  'trainerId',
  'trainerIds',
  'authorId',
  'toUserId',
  'fromUserId',
  'participants',
  'school',
  // Free text written by people.
  'message',
  'body',
  'text',
  'comment',
  'reply',
  // Credentials (header names included: header maps are logged with lower-case keys).
  'password',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'authorization',
  'cookie',
  'set-cookie',
] as const;

const personal: ReadonlySet<string> = new Set(PERSONAL_FIELDS);

/**
 * Below this many levels a value is logged as `[too deep]`: no log line needs it, and an unbounded
 * walk would follow whatever a caller passed (a request, a socket).
 */
const MAX_DEPTH = 8;

/**
 * The value without any personal key, at any depth (not masked: a masked key still tells a reader
 * that, say, an email was involved). One Set lookup per key, and objects are copied only when
 * something under them goes: the access line, flat and clean, is returned as it is.
 *
 * Errors become their type, stack frames and own fields: their message is free text (it may quote a
 * document or an input), and so is the first line of their stack, which repeats it.
 */
export function withoutPersonalFields<T>(value: T): T {
  return scrub(value, 0, new Set()) as T;
}

function scrub(value: unknown, depth: number, path: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (path.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  path.add(value);
  try {
    if (value instanceof Error) return scrubObject(serializedError(value), depth, path, true);
    if (Array.isArray(value)) return scrubArray(value, depth, path);
    return scrubObject(value as Record<string, unknown>, depth, path, false);
  } finally {
    path.delete(value);
  }
}

function scrubArray(array: readonly unknown[], depth: number, path: Set<object>): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < array.length; index += 1) {
    const item = array[index];
    const scrubbed = scrub(item, depth + 1, path);
    if (scrubbed !== item) {
      copy ??= array.slice();
      copy[index] = scrubbed;
    }
  }
  return copy ?? array;
}

function scrubObject(
  object: Record<string, unknown>,
  depth: number,
  path: Set<object>,
  alreadyCopied: boolean,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined = alreadyCopied ? object : undefined;
  for (const key of Object.keys(object)) {
    if (personal.has(key)) {
      copy ??= { ...object };
      delete copy[key];
      continue;
    }
    const item = object[key];
    const scrubbed = scrub(item, depth + 1, path);
    if (scrubbed !== item) {
      copy ??= { ...object };
      copy[key] = scrubbed;
    }
  }
  return copy ?? object;
}

function serializedError(error: Error): Record<string, unknown> {
  const { message: _message, stack: _stack, ...own } = error as Error & Record<string, unknown>;
  return {
    ...own,
    type: error.name,
    stack: stackFrames(error).join('\n'),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  };
}
