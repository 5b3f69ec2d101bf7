import { describe, expect, it } from '@jest/globals';
import { DeliveryPolicy } from './delivery-policy.js';

describe('DeliveryPolicy', () => {
  const policy = new DeliveryPolicy(6, 30_000);

  it('waits the base delay after the first refusal, then twice as long each time', () => {
    expect([1, 2, 3, 4].map((attempt) => policy.retryDelayMs(attempt))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('never waits longer than an hour between attempts', () => {
    expect(policy.retryDelayMs(12)).toBe(60 * 60_000);
    expect(policy.retryDelayMs(500)).toBe(60 * 60_000);
  });

  it('allows another attempt until the maximum number of attempts was made', () => {
    expect(policy.mayRetry(5)).toBe(true);
    expect(policy.mayRetry(6)).toBe(false);
  });

  it('dates the next attempt from the refusal', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(policy.nextAttemptAt(2, now).toISOString()).toBe('2026-03-02T02:01:00.000Z');
  });

  it('treats attempts started more than ten minutes ago as dead', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(policy.stuckBefore(now).toISOString()).toBe('2026-03-02T01:50:00.000Z');
  });

  it('refuses a policy that would never try', () => {
    expect(() => new DeliveryPolicy(0, 1000)).toThrow(RangeError);
  });
});
