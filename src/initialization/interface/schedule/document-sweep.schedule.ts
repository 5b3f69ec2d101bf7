import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { SweepOrphanDocumentsCommand } from '../../application/commands/sweep-orphan-documents/sweep-orphan-documents.command.js';

/** Hourly, on every instance with the scheduler on: the sweep itself makes concurrent runs safe. */
@Injectable()
export class DocumentSweepSchedule {
  private readonly logger = new Logger('DocumentSweep');

  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'document-orphan-sweep' })
  async run(): Promise<void> {
    try {
      const { removed } = await this.commands.execute(
        new SweepOrphanDocumentsCommand(this.config.DOCUMENT_ORPHAN_GRACE_HOURS),
      );
      if (removed > 0) this.logger.log({ removed }, 'removed uploads no request names');
    } catch (error) {
      this.logger.error({ err: error }, 'the orphan document sweep failed; the next run retries');
    }
  }
}
