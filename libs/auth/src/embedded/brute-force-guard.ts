import type { BruteForcePolicy } from './realm-file';

/**
 * A client address shared by many people (a school behind one NAT) may fail this many times more often than
 * one account before it is slowed down, so a single guesser cannot lock a whole school out.
 */
const ADDRESS_FACTOR_MULTIPLIER = 4;

/** Entries kept at most; the oldest go first, so random usernames cannot grow memory without bound. */
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export interface BruteForceGuard {
  /** Seconds before these account and address may try again; 0 when they may now. */
  retryAfterSeconds(username: string, address: string): number;
  recordFailure(username: string, address: string): void;
  /** A right password clears the account's failures (not the address's: others may be guessing from it). */
  recordSuccess(username: string): void;
}

/**
 * Keycloak's temporary lockout, applied by the embedded provider to the password grant and the login form:
 * every `failureFactor` consecutive failures lock the account for `waitIncrementSeconds` more, up to
 * `maxFailureWaitSeconds`; failures older than `maxDeltaTimeSeconds` are forgotten. While locked, even the
 * right password is refused. Client addresses are counted the same way with a larger factor. In memory only.
 */
export function createBruteForceGuard(
  policy: BruteForcePolicy,
  now: () => number = Date.now,
): BruteForceGuard {
  const tracked = new Map<string, Failures>();
  const factorOf = (key: string) =>
    key.startsWith('address:') ? policy.failureFactor * ADDRESS_FACTOR_MULTIPLIER : policy.failureFactor;
  const keysOf = (username: string, address: string) => [
    `account:${username.toLowerCase()}`,
    `address:${address}`,
  ];

  function current(key: string): Failures | undefined {
    const entry = tracked.get(key);
    if (
      entry &&
      now() - entry.lastFailureAt > policy.maxDeltaTimeSeconds * 1000 &&
      entry.lockedUntil <= now()
    ) {
      tracked.delete(key);
      return undefined;
    }
    return entry;
  }

  function fail(key: string): void {
    const entry = current(key) ?? { count: 0, lastFailureAt: 0, lockedUntil: 0 };
    entry.count += 1;
    entry.lastFailureAt = now();
    const factor = factorOf(key);
    if (entry.count % factor === 0) {
      const waitSeconds = Math.min(
        policy.waitIncrementSeconds * (entry.count / factor),
        policy.maxFailureWaitSeconds,
      );
      entry.lockedUntil = now() + waitSeconds * 1000;
    }
    tracked.delete(key);
    tracked.set(key, entry);
    if (tracked.size > MAX_TRACKED) {
      const oldest = tracked.keys().next().value;
      if (oldest !== undefined) tracked.delete(oldest);
    }
  }

  return {
    retryAfterSeconds(username, address) {
      if (!policy.enabled) return 0;
      const waits = keysOf(username, address).map((key) => (current(key)?.lockedUntil ?? 0) - now());
      return Math.max(0, Math.ceil(Math.max(...waits) / 1000));
    },
    recordFailure(username, address) {
      if (!policy.enabled) return;
      keysOf(username, address).forEach(fail);
    },
    recordSuccess(username) {
      tracked.delete(keysOf(username, '')[0] ?? '');
    },
  };
}
