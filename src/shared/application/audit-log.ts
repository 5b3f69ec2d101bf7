import type { Actor } from '../domain/actor.js';
import type { AuditAction } from '../domain/audit-actions.js';

export {
  AUDIT_ACTIONS,
  AUDIT_ACTION_GROUPS,
  ALL_AUDIT_ACTIONS,
  isAuditAction,
  type AuditAction,
  type AuditActionGroup,
  type AuditActionOf,
} from '../domain/audit-actions.js';

export interface AuditEntry {
  actor: Actor;
  /**
   * Dotted verb, past tense: `request.approved`, `staff.signed_in`. Only actions
   * registered in `AUDIT_ACTIONS` (src/shared/domain/audit-actions.ts), each with
   * its words in src/audit/application/audit-event-wording.ts.
   */
  action: AuditAction;
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
