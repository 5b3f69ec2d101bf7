import type {
  DomainEventRecorder,
  EventContext,
  TransactionalReaction,
} from '../../application/domain-events.js';
import type { DomainEvent } from '../../domain/domain-event.js';
import type { InMemoryUnitOfWork, Transactional } from './in-memory-unit-of-work.js';

/** A domain event as recorded, with who caused it. */
export interface RecordedEvent {
  event: DomainEvent;
  context: EventContext;
}

/**
 * The domain event recorder in memory: keeps each recorded event (what the audit trail
 * would append) and runs the reactions registered for its type, inside the unit of work,
 * which forgets the events of a run that fails. Like the real recorder, it refuses to
 * record outside a unit of work.
 */
export class InMemoryDomainEventRecorder implements DomainEventRecorder, Transactional {
  private events: RecordedEvent[] = [];
  private readonly reactions = new Map<string, TransactionalReaction[]>();

  constructor(private readonly unitOfWork: InMemoryUnitOfWork) {
    unitOfWork.enlist(this);
  }

  /** Runs `reaction` for every recorded event of these types, as `@ReactsTo` does. */
  reactTo(types: readonly string[], reaction: TransactionalReaction): void {
    for (const type of types)
      this.reactions.set(type, [...(this.reactions.get(type) ?? []), reaction]);
  }

  async record(events: readonly DomainEvent[], context: EventContext): Promise<void> {
    if (!this.unitOfWork.active)
      throw new Error('domain events must be recorded inside a unit of work');
    for (const event of events) {
      this.events.push({ event, context });
      for (const reaction of this.reactions.get(event.type) ?? []) {
        await reaction.react(event, context);
      }
    }
  }

  /** Every event recorded by committed (or still running) work, oldest first. */
  get recorded(): readonly RecordedEvent[] {
    return this.events;
  }

  /** The types of the recorded events, oldest first (optionally of one request). */
  types(requestId?: string): string[] {
    return this.events
      .filter(({ event }) => requestId === undefined || event.requestId === requestId)
      .map(({ event }) => event.type);
  }

  snapshot(): () => void {
    const kept = [...this.events];
    return () => {
      this.events = kept;
    };
  }
}
