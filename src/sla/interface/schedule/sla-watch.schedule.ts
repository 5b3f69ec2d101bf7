import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Cron, CronExpression } from '@nestjs/schedule';
import { RunSlaWatchCommand } from '../../application/commands/run-sla-watch/run-sla-watch.command.js';

/** Every minute, on every instance: the watch itself makes concurrent runs safe. */
@Injectable()
export class SlaWatchSchedule {
  private readonly logger = new Logger('SlaWatch');

  constructor(private readonly commands: CommandBus) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'sla-watch' })
  async run(): Promise<void> {
    try {
      await this.commands.execute(new RunSlaWatchCommand());
    } catch (error) {
      this.logger.error({ err: error }, 'SLA watch run failed; the next run catches up');
    }
  }
}
