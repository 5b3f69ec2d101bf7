import { Process, Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import {
  DeliverMessageCommand,
  type DeliveryOutcome,
} from '../../application/commands/deliver-message/deliver-message.command.js';
import { NOTIFICATIONS_QUEUE, type DeliveryJob } from './delivery-queue.constants.js';

/** The worker: one job, one delivery attempt. A refusal fails the job so bull retries it after the backoff. */
@Processor(NOTIFICATIONS_QUEUE)
export class OutboxDeliveryProcessor {
  constructor(private readonly commands: CommandBus) {}

  @Process({ concurrency: 4 })
  async deliver(job: Job<DeliveryJob>): Promise<DeliveryOutcome> {
    const outcome = await this.commands.execute(new DeliverMessageCommand(job.data.outboxId));
    if (outcome === 'retry-scheduled') {
      throw new Error(`mail ${job.data.outboxId} was refused; it is tried again after the backoff`);
    }
    return outcome;
  }
}
