export interface RetryOptions {
  /** Attempts per message before it is dead-lettered, the first one included (default 5). */
  maxAttempts?: number;
  /** Exponential backoff between attempts (default 100 ms doubling up to 2 s). */
  retryBackoffMs?: { initial: number; max: number };
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Delay to wait after the given failed attempt (1-based). */
  delayAfter(attempt: number): number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF = { initial: 100, max: 2_000 };

export function retryPolicyFrom(options: RetryOptions): RetryPolicy {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const backoff = options.retryBackoffMs ?? DEFAULT_BACKOFF;
  if (backoff.initial < 0 || backoff.max < backoff.initial) {
    throw new RangeError('retryBackoffMs needs 0 <= initial <= max');
  }
  return {
    maxAttempts,
    delayAfter: (attempt) => Math.min(backoff.max, backoff.initial * 2 ** (attempt - 1)),
  };
}
