import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { RemoveExpiredExportsCommand } from '../../application/commands/remove-expired-exports/remove-expired-exports.command.js';
import { ResumeStalledExportsCommand } from '../../application/commands/resume-stalled-exports/resume-stalled-exports.command.js';

/** Pending exports untouched this long lost their job (a running one reports progress often). */
export const STALLED_AFTER_MS = 3 * 60_000;

/**
 * Scheduled work of the exports, in server instances with the scheduler on:
 * hourly removal of exports older than EXPORT_RETENTION_DAYS (audited, once
 * per export whatever the number of instances), and a sweep that queues lost
 * export jobs again.
 */
@Injectable()
export class ExportHousekeeping {
  private readonly logger = new Logger(ExportHousekeeping.name);

  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'export-retention' })
  async removeExpired(): Promise<void> {
    try {
      const { removed } = await this.commands.execute(
        new RemoveExpiredExportsCommand(this.config.EXPORT_RETENTION_DAYS),
      );
      if (removed > 0) this.logger.log({ removed }, 'removed expired exports');
    } catch (error) {
      this.logger.error({ err: error }, 'the export retention job failed');
    }
  }

  @Interval('export-sweep', 60_000)
  async resumeStalled(): Promise<void> {
    try {
      const { resumed } = await this.commands.execute(
        new ResumeStalledExportsCommand(STALLED_AFTER_MS),
      );
      if (resumed > 0) this.logger.warn({ resumed }, 'queued stalled exports again');
    } catch (error) {
      this.logger.error({ err: error }, 'the stalled-export sweep failed');
    }
  }
}
