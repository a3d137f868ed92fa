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
});
