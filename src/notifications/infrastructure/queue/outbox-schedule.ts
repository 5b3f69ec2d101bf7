import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Interval } from '@nestjs/schedule';
import { AbandonStuckMessagesCommand } from '../../application/commands/abandon-stuck-messages/abandon-stuck-messages.command.js';
import { RelayDueMessagesCommand } from '../../application/commands/relay-due-messages/relay-due-messages.command.js';

/**
 * The outbox's two timers (active where the scheduler runs): the relay queues
 * due messages every five seconds, which is how the outbox drains after a
 * Redis outage; the sweep abandons attempts that died mid-send, every minute.
 * Both are safe to run on every instance at once.
 */
@Injectable()
export class OutboxSchedule {
  private readonly logger = new Logger(OutboxSchedule.name);

  constructor(private readonly commands: CommandBus) {}

  @Interval('notifications.relay', 5_000)
  async relay(): Promise<void> {
    try {
      await this.commands.execute(new RelayDueMessagesCommand());
    } catch (error) {
      this.logger.error({ err: error }, 'the outbox relay failed');
    }
  }

  @Interval('notifications.sweep', 60_000)
  async sweep(): Promise<void> {
    try {
      const abandoned = await this.commands.execute(new AbandonStuckMessagesCommand());
      if (abandoned.length > 0) {
        this.logger.warn(
          { outboxIds: abandoned },
          'mail attempts that died mid-send were abandoned',
        );
      }
    } catch (error) {
      this.logger.error({ err: error }, 'the outbox sweep failed');
    }
  }
}
