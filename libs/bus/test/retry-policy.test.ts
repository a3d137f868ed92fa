import { DEFAULT_MAX_ATTEMPTS, retryPolicyFrom } from '../src/delivery/retry-policy';

describe('retryPolicyFrom', () => {
  it('defaults to 5 attempts with a short exponential backoff', () => {
    const policy = retryPolicyFrom({});
    expect(policy.maxAttempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect([1, 2, 3, 4].map((attempt) => policy.delayAfter(attempt))).toEqual([100, 200, 400, 800]);
    expect(policy.delayAfter(10)).toBe(2_000);
  });

  it('takes the configured attempts and backoff', () => {
    const policy = retryPolicyFrom({ maxAttempts: 2, retryBackoffMs: { initial: 5, max: 8 } });
    expect(policy.maxAttempts).toBe(2);
    expect([1, 2, 3].map((attempt) => policy.delayAfter(attempt))).toEqual([5, 8, 8]);
  });

  it.each([0, -1, 1.5])('refuses maxAttempts %p', (maxAttempts) => {
    expect(() => retryPolicyFrom({ maxAttempts })).toThrow(RangeError);
  });

  it('refuses a backoff whose maximum is below its start', () => {
    expect(() => retryPolicyFrom({ retryBackoffMs: { initial: 10, max: 5 } })).toThrow(RangeError);
  });

  it('calls no failure transient unless told, and backs off transient failures up to 30 s by default', () => {
    const policy = retryPolicyFrom({});
    expect(policy.isTransient(new Error('connection refused'))).toBe(false);
    expect([1, 2, 3].map((failure) => policy.transientDelayAfter(failure))).toEqual([200, 400, 800]);
    expect(policy.transientDelayAfter(20)).toBe(30_000);
  });

  it('keeps the transient backoff finite however long the outage', () => {
    const policy = retryPolicyFrom({ transientBackoffMs: { initial: 1, max: 50 } });
    expect(policy.transientDelayAfter(5_000)).toBe(50);
  });

  it('takes the caller\'s predicate, and treats a predicate that throws as "not transient"', () => {
    class Outage extends Error {}
    const policy = retryPolicyFrom({ isTransient: (error) => error instanceof Outage });
    expect(policy.isTransient(new Outage())).toBe(true);
    expect(policy.isTransient(new Error())).toBe(false);
    const faulty = retryPolicyFrom({
      isTransient: () => {
        throw new Error('bug in the predicate');
      },
    });
    expect(faulty.isTransient(new Outage())).toBe(false);
  });

  it('refuses a transient backoff whose maximum is below its start', () => {
    expect(() => retryPolicyFrom({ transientBackoffMs: { initial: 10, max: 5 } })).toThrow(RangeError);
  });
});
