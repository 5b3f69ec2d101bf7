/**
 * When a staff member's sessions were last ended, all at once, and the one session
 * that went on (the one "sign out my other sessions" or a password change was asked
 * from), as an opaque reference to it.
 */
export interface EndedSessions {
  at: Date;
  kept: string | null;
}

/** A session as the sign-in check sees it: when it signed in, and its reference (worked out only if needed). */
export interface SessionToCheck {
  /** Milliseconds since the epoch. */
  signedInAt: number;
  reference: () => string;
}

/**
 * Whether a session has been ended: it signed in at or before the moment the
 * account's sessions were ended, and it is not the one that was kept. (At the same
 * millisecond it counts as ended: the sign-in may have read the old password.)
 */
export function sessionHasEnded(ended: EndedSessions | null, session: SessionToCheck): boolean {
  if (!ended || session.signedInAt > ended.at.getTime()) return false;
  return ended.kept === null || session.reference() !== ended.kept;
}
