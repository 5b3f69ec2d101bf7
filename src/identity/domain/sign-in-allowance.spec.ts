import { describe, expect, it } from '@jest/globals';
import { SignInAllowance, type FailureCount, type FailureScope } from './sign-in-allowance.js';

const allowance = new SignInAllowance({
  maxFailuresPerAccountFromAddress: 3,
  maxFailuresPerAddress: 5,
  slowDownAfterAccountFailures: 4,
  maxDelaySeconds: 10,
  lockoutMinutes: 15,
});
const start = new Date('2026-11-25T02:00:00Z');
const at = (seconds: number): Date => new Date(start.getTime() + seconds * 1000);

/** The count after `n` failures, one a second from `start`. */
function failures(scope: FailureScope, n: number): FailureCount | null {
  let count: FailureCount | null = null;
  for (let index = 0; index < n; index += 1)
    count = allowance.afterFailure(scope, count, at(index));
  return count;
}

describe('the sign-in allowance', () => {
  it('locks an address out of an account at the limit, for the lockout minutes', () => {
    const two = failures('accountFromAddress', 2);
    expect(allowance.waitFor(two, at(2))).toBe(0);
    const three = failures('accountFromAddress', 3);
    expect(allowance.waitFor(three, at(2))).toBe(15 * 60_000);
    expect(allowance.waitFor(three, at(2 + 15 * 60))).toBe(0);
    // Once the lockout is over the count starts again.
    expect(allowance.afterFailure('accountFromAddress', three, at(2 + 15 * 60)).failures).toBe(1);
  });

  it('never locks an account: past the limit each attempt waits 1, 2, 4… seconds, capped', () => {
    const waits = [4, 5, 6, 7, 8].map((n) => {
      const count = failures('account', n);
      return allowance.waitFor(count, count!.lastFailureAt) / 1000;
    });
    expect(waits).toEqual([1, 2, 4, 8, 10]);
    expect(allowance.waitFor(failures('account', 3), at(3))).toBe(0);
  });

  it('remembers failures for the lockout minutes after the last one', () => {
    const count = failures('account', 2)!;
    expect(allowance.afterFailure('account', count, at(60 * 15)).failures).toBe(3);
    expect(allowance.afterFailure('account', count, at(60 * 15 + 1)).failures).toBe(1);
  });

  it('gives an address back the failure counted for a right password, unlocking it below the limit', () => {
    const five = failures('address', 5);
    expect(allowance.waitFor(five, at(5))).toBeGreaterThan(0);
    const four = allowance.afterSuccessFromAddress(five, at(5));
    expect(four?.failures).toBe(4);
    expect(allowance.waitFor(four, at(5))).toBe(0);
    expect(allowance.afterSuccessFromAddress(failures('address', 1), at(1))).toBeNull();
  });

  it('shows admins lockouts in force and accounts being slowed down', () => {
    expect(
      allowance.isLockout('accountFromAddress', failures('accountFromAddress', 3), at(3)),
    ).toBe(true);
    expect(
      allowance.isLockout('accountFromAddress', failures('accountFromAddress', 2), at(3)),
    ).toBe(false);
    expect(allowance.isLockout('address', failures('address', 5), at(5 + 15 * 60))).toBe(false);
    expect(allowance.isLockout('account', failures('account', 4), at(100))).toBe(true);
    expect(allowance.isLockout('account', failures('account', 3), at(100))).toBe(false);
  });
});
