import type { AuditAction } from './audit-actions.js';

/**
 * Something that happened to an aggregate, named in the past tense
 * (`request.approved`). Every domain event becomes one audit event, in the
 * transaction that made the change.
 *
 * Each context publishes its events as named types in its `contracts/events.ts`
 * (`RequestApproved = DomainEvent<'request.approved', {…}>`), one union per
 * aggregate; the recorder and the audit trail carry them as the generic form.
 * Details are type aliases (not interfaces), so a typed event is a `DomainEvent`.
 */
export interface DomainEvent<
  T extends AuditAction = AuditAction,
  D extends Readonly<Record<string, unknown>> = Readonly<Record<string, unknown>>,
> {
  /** Registered in `AUDIT_ACTIONS`: the audit event it becomes has words. */
  readonly type: T;
  readonly occurredAt: Date;
  /** The request this is about, if any. */
  readonly requestId: string | null;
  /** The filing subject this is about, if any. */
  readonly subjectId: string | null;
  readonly details: D;
}

/** The details of the member of the event union `E` named `T`. */
export type EventDetails<E extends DomainEvent, T extends E['type']> = Extract<
  E,
  { readonly type: T }
>['details'];
