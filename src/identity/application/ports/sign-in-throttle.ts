export type ThrottleVerdict =
  { blocked: false } | { blocked: true; scope: 'account' | 'address'; retryAfterSeconds: number };

/** Counts failed sign-ins per account and per network address. */
export interface SignInThrottle {
  check(email: string, ip: string): Promise<ThrottleVerdict>;
  /** Records a failure; returns the verdict after counting it. */
  recordFailure(email: string, ip: string): Promise<ThrottleVerdict>;
  recordSuccess(email: string, ip: string): Promise<void>;
}
export const SIGN_IN_THROTTLE = Symbol('SignInThrottle');
