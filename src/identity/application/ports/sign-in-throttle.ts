/** Which allowance ran out, and when the next attempt may be made. */
export interface ThrottleLimit {
  scope: 'account' | 'address';
  retryAfterSeconds: number;
}

export type AttemptVerdict =
  /** Refused before the password is looked at: the allowance is used up. */
  | { admitted: false; limit: ThrottleLimit }
  /**
   * The attempt holds one point of the account's and the address's allowance.
   * `lastAllowed` is set when it took the last point, so a failure ends in a lockout.
   */
  | { admitted: true; lastAllowed: ThrottleLimit | null };

/**
 * Counts sign-in attempts per account and per network address. A point is
 * taken before the password is verified, so however many attempts run at
 * once, at most the allowance reaches the password check.
 */
export interface SignInThrottle {
  /** Takes one point from the account's and the address's allowance, or refuses. */
  admit(email: string, ip: string): Promise<AttemptVerdict>;
  /** The password was right: the account's failures are forgotten and the address gets its point back. */
  recordSuccess(email: string, ip: string): Promise<void>;
}
export const SIGN_IN_THROTTLE = Symbol('SignInThrottle');
