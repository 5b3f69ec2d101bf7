/**
 * What failed sign-ins are counted against, so that nobody who knows a colleague's
 * email can lock the colleague out:
 * - `accountFromAddress`: one account from one network address. Too many failures
 *   lock that address out of that account, and only of it.
 * - `address`: one address across every account (somebody trying many emails).
 *   Too many lock the address out of all of them.
 * - `account`: one account from every address together (guessing spread over many
 *   addresses). Past a number of failures it is never locked, only slowed down: each
 *   next attempt waits 1, 2, 4… seconds after the last failure, up to a cap, so the
 *   right password from an address that has not been failing gets through once the
 *   wait has passed.
 */
export const FAILURE_SCOPES = ['accountFromAddress', 'address', 'account'] as const;
export type FailureScope = (typeof FAILURE_SCOPES)[number];

export const isFailureScope = (value: unknown): value is FailureScope =>
  typeof value === 'string' && (FAILURE_SCOPES as readonly string[]).includes(value);

/** The failures counted in one scope. */
export interface FailureCount {
  failures: number;
  lastFailureAt: Date;
  /** Locked out (for an account: slowed down) until then; null: no wait. */
  lockedUntil: Date | null;
  /** From then on the count no longer counts (a later failure starts a new one). */
  forgetAt: Date;
}

export interface SignInAllowanceRules {
  /** Failures of one account from one address that lock the address out of it. */
  maxFailuresPerAccountFromAddress: number;
  /** Failures from one address, whatever the account, that lock the address out. */
  maxFailuresPerAddress: number;
  /** Failures of one account, from all addresses together, after which attempts wait. */
  slowDownAfterAccountFailures: number;
  /** The longest an account's attempt waits, in seconds. */
  maxDelaySeconds: number;
  /** How long a lockout lasts, and how long failures are remembered after the last one. */
  lockoutMinutes: number;
}

/** The sign-in allowance rules, as pure functions of the counts and the time. */
export class SignInAllowance {
  constructor(private readonly rules: SignInAllowanceRules) {}

  /** Whether a count still means anything at `now`. */
  static isLive(count: FailureCount | null, now: Date): count is FailureCount {
    return count !== null && count.failures > 0 && count.forgetAt.getTime() > now.getTime();
  }

  /** How many milliseconds an attempt must still wait because of this count (0: none). */
  waitFor(count: FailureCount | null, now: Date): number {
    if (!SignInAllowance.isLive(count, now) || !count.lockedUntil) return 0;
    return Math.max(0, count.lockedUntil.getTime() - now.getTime());
  }

  /** The count once one more attempt failed at `now`. */
  afterFailure(scope: FailureScope, count: FailureCount | null, now: Date): FailureCount {
    const failures = (SignInAllowance.isLive(count, now) ? count.failures : 0) + 1;
    const lockedUntil = this.lockAfter(scope, failures, now);
    const remembered = now.getTime() + this.rules.lockoutMinutes * 60_000;
    return {
      failures,
      lastFailureAt: now,
      lockedUntil,
      forgetAt: new Date(Math.max(remembered, lockedUntil?.getTime() ?? 0)),
    };
  }

  /**
   * The address's count once an attempt it had counted in advance turned out to be
   * right: one failure fewer, and no lockout if that brings it under the limit.
   */
  afterSuccessFromAddress(count: FailureCount | null, now: Date): FailureCount | null {
    if (!SignInAllowance.isLive(count, now) || count.failures <= 1) return null;
    const failures = count.failures - 1;
    return {
      ...count,
      failures,
      lockedUntil: failures >= this.rules.maxFailuresPerAddress ? count.lockedUntil : null,
    };
  }

  /**
   * Whether an admin sees this count as a lockout now: an address locked out (of one
   * account or of all), or an account whose attempts are being slowed down.
   */
  isLockout(scope: FailureScope, count: FailureCount | null, now: Date): boolean {
    if (!SignInAllowance.isLive(count, now)) return false;
    return scope === 'account'
      ? count.failures >= this.rules.slowDownAfterAccountFailures
      : count.lockedUntil !== null && count.lockedUntil.getTime() > now.getTime();
  }

  /** The wait `failures` failures in a scope impose from `now` on, if any. */
  private lockAfter(scope: FailureScope, failures: number, now: Date): Date | null {
    const lockout = this.rules.lockoutMinutes * 60_000;
    switch (scope) {
      case 'accountFromAddress':
        return failures >= this.rules.maxFailuresPerAccountFromAddress
          ? new Date(now.getTime() + lockout)
          : null;
      case 'address':
        return failures >= this.rules.maxFailuresPerAddress
          ? new Date(now.getTime() + lockout)
          : null;
      case 'account': {
        const beyond = failures - this.rules.slowDownAfterAccountFailures;
        if (beyond < 0) return null;
        const seconds = Math.min(2 ** Math.min(beyond, 30), this.rules.maxDelaySeconds);
        return new Date(now.getTime() + seconds * 1000);
      }
    }
  }
}
