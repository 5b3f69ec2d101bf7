import type { FailureScope } from '../../domain/sign-in-allowance.js';

/** Which count refuses (or would refuse) attempts, and how long until the next may be made. */
export interface ThrottleLimit {
  scope: FailureScope;
  retryAfterSeconds: number;
}

export type AttemptVerdict =
  /** Refused before the password is looked at: a lockout or an account's wait is in force. */
  | { admitted: false; limit: ThrottleLimit }
  /**
   * The attempt is counted as a failure in every scope before its password is checked
   * (a right one is given back). `lastAllowed` is set when that count locked the
   * address out (of the account or of all), so the failure is answered as a lockout.
   */
  | { admitted: true; lastAllowed: ThrottleLimit | null };

/** A lockout (or an account's slow-down) as an admin sees it. */
export interface SignInLockout {
  scope: FailureScope;
  /** The account's email as typed at sign-in (normalised); null for an address across accounts. */
  email: string | null;
  /** The display name of the staff account with that email, if there is one. */
  staffName: string | null;
  /** The network address; null for an account across addresses. */
  address: string | null;
  failures: number;
  lastFailureAt: Date;
  /** When it ends if nothing else fails. */
  endsAt: Date;
}

/** Which lockout to end, as the admin's form names it. */
export interface LockoutKey {
  scope: FailureScope;
  email: string | null;
  address: string | null;
}

/**
 * Counts failed sign-ins per account and address, per address and per account, in
 * storage every app instance shares. An attempt is counted before its password is
 * verified, atomically, so however many attempts run at once none escapes the counts.
 */
export interface SignInThrottle {
  /** Refuses the attempt, or counts it as a failure in every scope until it proves right. */
  admit(email: string, ip: string, now: Date): Promise<AttemptVerdict>;
  /**
   * The password was right: the account's failures (from this address and from all)
   * are forgotten and the address gets back the failure counted in advance.
   */
  recordSuccess(email: string, ip: string, now: Date): Promise<void>;
  /** The lockouts in force at `now`, the latest failure first, at most `limit` of them. */
  lockouts(now: Date, limit: number): Promise<{ lockouts: SignInLockout[]; total: number }>;
  /**
   * Ends one lockout (its failures are forgotten), inside the caller's unit of work;
   * false when it was no longer in force.
   */
  clear(lockout: LockoutKey, now: Date): Promise<boolean>;
}
export const SIGN_IN_THROTTLE = Symbol('SignInThrottle');
