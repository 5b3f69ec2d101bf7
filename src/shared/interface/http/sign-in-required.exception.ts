/** Thrown by the session guard; the error filter turns it into a redirect to /login. */
export class SignInRequiredException extends Error {
  constructor(readonly reason: 'no-session' | 'expired' | 'inactive' = 'no-session') {
    super('Sign in to continue.');
    this.name = 'SignInRequiredException';
  }
}
