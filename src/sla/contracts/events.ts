import type { DomainEvent } from '../../shared/domain/domain-event.js';

/**
 * The events the SLA watch publishes about a request that crossed a line of its
 * deadline, each once. Reactions read the details as typed here.
 */
export type SlaLineCrossed = {
  readonly reference: string;
  /** The deadline, ISO 8601. */
  readonly dueAt: string;
  /** Who holds the request (null: nobody). */
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
};

export type RequestSlaAtRisk = DomainEvent<'request.sla_at_risk', SlaLineCrossed>;
export type RequestSlaBreached = DomainEvent<'request.sla_breached', SlaLineCrossed>;

/** Every event the SLA watch records. */
export type SlaEvent = RequestSlaAtRisk | RequestSlaBreached;
