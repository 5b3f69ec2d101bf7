import { Command } from '@nestjs/cqrs';

/**
 * What one delivery attempt came to. `retry-scheduled`: refused for now, the
 * queue tries again after the backoff; `not-claimed`: another attempt holds it
 * or it is finished, so nothing was done.
 */
export type DeliveryOutcome = 'sent' | 'not-claimed' | 'retry-scheduled' | 'failed' | 'abandoned';

/** Sends one outbox message, at most once. */
export class DeliverMessageCommand extends Command<DeliveryOutcome> {
  constructor(readonly outboxId: string) {
    super();
  }
}
