export interface RetryOptions {
  /** Attempts per message before it is dead-lettered, the first one included (default 5). */
  maxAttempts?: number;
  /** Exponential backoff between attempts (default 100 ms doubling up to 2 s). */
  retryBackoffMs?: { initial: number; max: number };
  /**
   * Tells a passing outage (database unreachable, timeouts) from a message that cannot be handled.
   * A failure it calls transient is retried until it succeeds or the consumer stops: it never counts
   * toward `maxAttempts` and never dead-letters, so good events survive an outage of any length.
   * Default: no failure is transient.
   */
  isTransient?: (error: unknown) => boolean;
  /** Exponential backoff between retries of a transient failure (default 200 ms doubling up to 30 s). */
  transientBackoffMs?: { initial: number; max: number };
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Delay to wait after the given failed attempt (1-based). */
  delayAfter(attempt: number): number;
  isTransient(error: unknown): boolean;
  /** Delay to wait after the given consecutive transient failure (1-based). */
  transientDelayAfter(failure: number): number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF = { initial: 100, max: 2_000 };
const DEFAULT_TRANSIENT_BACKOFF = { initial: 200, max: 30_000 };

const neverTransient = (): boolean => false;

function exponentialBackoff(
  name: string,
  backoff: { initial: number; max: number },
): (attempt: number) => number {
  if (backoff.initial < 0 || backoff.max < backoff.initial) {
    throw new RangeError(`${name} needs 0 <= initial <= max`);
  }
  // The exponent is capped too: 2 ** 1100 is Infinity, and a long outage reaches such counts.
  return (attempt) => Math.min(backoff.max, backoff.initial * 2 ** Math.min(attempt - 1, 30));
}

export function retryPolicyFrom(options: RetryOptions): RetryPolicy {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const isTransient = options.isTransient ?? neverTransient;
  return {
    maxAttempts,
    delayAfter: exponentialBackoff('retryBackoffMs', options.retryBackoffMs ?? DEFAULT_BACKOFF),
    isTransient: (error) => {
      try {
        return isTransient(error);
      } catch {
        // A faulty predicate must not turn a failure into a crash of the consumer: not transient.
        return false;
      }
    },
    transientDelayAfter: exponentialBackoff(
      'transientBackoffMs',
      options.transientBackoffMs ?? DEFAULT_TRANSIENT_BACKOFF,
    ),
  };
}
