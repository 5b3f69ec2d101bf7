import { SetMetadata } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import type { AuditAction } from '../domain/audit-actions.js';
import type { DomainEvent } from '../domain/domain-event.js';

/** Who caused the events being recorded, and from where. */
export interface EventContext {
  actor: Actor;
  ip: string | null;
}

/**
 * Records what an aggregate did: each domain event becomes one audit event,
 * and every reaction registered for its type runs, all inside the current
 * unit of work (so an outbox message commits with the decision it announces).
 */
export interface DomainEventRecorder {
  record(events: readonly DomainEvent[], context: EventContext): Promise<void>;
}
export const DOMAIN_EVENT_RECORDER = Symbol('DomainEventRecorder');

/**
 * A cross-context reaction that must commit with the change (e.g. writing to the mail
 * outbox). It takes the typed event it reacts to (`RequestRejected`, from the publishing
 * context's `contracts/events.ts`) and trusts its details: the publisher's types are the check.
 */
export interface TransactionalReaction<E extends DomainEvent = DomainEvent> {
  react(event: E, context: EventContext): Promise<void>;
}

/** A class whose `react` takes the events named `T` (and no other). */
type ReactionTo<T extends AuditAction> = abstract new (...args: never[]) => {
  react(event: DomainEvent & { readonly type: T }, context: EventContext): Promise<void>;
};

export const REACTS_TO = 'beian:reacts-to';

/**
 * Marks a provider as a reaction to these event types, run inside the
 * transaction that records them:
 * `@ReactsTo('request.rejected') class NotifyApplicantWhenRequestRejected`, whose `react`
 * takes a `RequestRejected` (a `react` typed for another event does not compile).
 */
export const ReactsTo =
  <T extends AuditAction>(...types: T[]) =>
  (target: ReactionTo<T>): void => {
    SetMetadata(REACTS_TO, types)(target);
  };
