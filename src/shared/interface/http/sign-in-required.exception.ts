/** Thrown by the session guard; the error filter turns it into a redirect to /login. */
export class SignInRequiredException extends Error {
  constructor(
    /** `ended`: the account's sessions were ended (a password reset, a role change, "sign out my other sessions"). */
    readonly reason: 'no-session' | 'expired' | 'inactive' | 'ended' = 'no-session',
  ) {
    super('Sign in to continue.');
    this.name = 'SignInRequiredException';
  }
}
