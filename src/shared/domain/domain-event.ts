import type { AuditAction } from './audit-actions.js';

/**
 * Something that happened to an aggregate, named in the past tense
 * (`request.approved`). Every domain event becomes one audit event, in the
 * transaction that made the change.
 */
export interface DomainEvent {
  /** Registered in `AUDIT_ACTIONS`: the audit event it becomes has words. */
  readonly type: AuditAction;
  readonly occurredAt: Date;
  /** The request this is about, if any. */
  readonly requestId: string | null;
  /** The filing subject this is about, if any. */
  readonly subjectId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}
