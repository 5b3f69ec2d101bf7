import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import type { DeliveryPolicy } from '../../../domain/delivery-policy.js';
import { OUTBOX_REPOSITORY, type OutboxRepository } from '../../ports/outbox.repository.js';
import { DELIVERY_POLICY } from '../../settings.js';
import { AbandonStuckMessagesCommand } from './abandon-stuck-messages.command.js';

@CommandHandler(AbandonStuckMessagesCommand)
export class AbandonStuckMessagesHandler implements ICommandHandler<AbandonStuckMessagesCommand> {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(DELIVERY_POLICY) private readonly policy: DeliveryPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<string[]> {
    const now = this.clock.now();
    const stuckBefore = this.policy.stuckBefore(now);
    const minutes = Math.round((now.getTime() - stuckBefore.getTime()) / 60_000);
    return this.outbox.abandonStuck(stuckBefore, { kind: 'worker-stopped', minutes });
  }
}
