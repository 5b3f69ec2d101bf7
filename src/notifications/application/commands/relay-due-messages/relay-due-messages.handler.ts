import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { DELIVERY_QUEUE, type DeliveryQueue } from '../../ports/delivery-queue.js';
import { OUTBOX_REPOSITORY, type OutboxRepository } from '../../ports/outbox.repository.js';
import { RelayDueMessagesCommand, type RelayResult } from './relay-due-messages.command.js';

@CommandHandler(RelayDueMessagesCommand)
export class RelayDueMessagesHandler implements ICommandHandler<RelayDueMessagesCommand> {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RelayDueMessagesCommand): Promise<RelayResult> {
    if (!this.queue.reachable) return { reachable: false, queued: 0 };
    const due = await this.outbox.due(this.clock.now(), command.batchSize);
    return { reachable: true, queued: due.length > 0 ? await this.queue.requeue(due) : 0 };
  }
}
