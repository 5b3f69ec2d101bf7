import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * How a session is named where it is kept on the staff account ("this one goes on"):
 * the SHA-256 of its id, so the account's row never holds a usable session id.
 */
export function sessionReference(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** The reference of the request's own session. */
export function currentSessionReference(request: Request): string {
  return sessionReference(request.sessionID);
}
