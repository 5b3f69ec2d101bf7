import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, Queue } from 'bull';
import {
  DeliverMessageCommand,
  type DeliveryOutcome,
} from '../../application/commands/deliver-message/deliver-message.command.js';
import { NOTIFICATIONS_QUEUE, type DeliveryJob } from './delivery-queue.constants.js';

const CONCURRENCY = 4;

/**
 * The worker: one job, one delivery attempt. A refusal fails the job, so bull
 * tries it again after the backoff. It is registered by hand rather than with
 * `@Process()`: bull's `process()` promise rejects when the app stops before
 * Redis was ever reached, and the decorator would leave that rejection unhandled.
 */
@Injectable()
export class OutboxDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxDeliveryWorker.name);

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<DeliveryJob>,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    this.queue
      .process(CONCURRENCY, (job: Job<DeliveryJob>) => this.deliver(job))
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'the mail delivery worker stopped'),
      );
  }

  async deliver(job: Job<DeliveryJob>): Promise<DeliveryOutcome> {
    const outcome = await this.commands.execute(new DeliverMessageCommand(job.data.outboxId));
    if (outcome === 'retry-scheduled') {
      throw new Error(`mail ${job.data.outboxId} was refused; it is tried again after the backoff`);
    }
    return outcome;
  }
}
