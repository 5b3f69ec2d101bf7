import type { Actor } from '../domain/actor.js';

export interface AuditEntry {
  actor: Actor;
  /** Dotted verb, past tense: `request.approved`, `staff.signed_in`. */
  action: string;
  requestId?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  /** Defaults to the clock's now. */
  occurredAt?: Date;
}

/**
 * Appends to the hash-chained audit trail inside the current unit of work: the
 * event commits or rolls back with the change it describes.
 */
export interface AuditLog {
  record(entry: AuditEntry): void;
}
export const AUDIT_LOG = Symbol('AuditLog');
