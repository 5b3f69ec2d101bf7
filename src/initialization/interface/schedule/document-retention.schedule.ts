import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { PurgeExpiredDocumentsCommand } from '../../application/commands/purge-expired-documents/purge-expired-documents.command.js';

/**
 * Daily at 03:00 China time, on every instance with the scheduler: the documents of
 * requests that ended more than DOCUMENT_RETENTION_DAYS ago are purged. The command
 * makes concurrent runs safe (each document purged and audited once).
 */
@Injectable()
export class DocumentRetentionSchedule {
  private readonly logger = new Logger('DocumentRetention');

  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'document-retention', timeZone: 'Asia/Shanghai' })
  async run(): Promise<void> {
    try {
      const report = await this.commands.execute(
        new PurgeExpiredDocumentsCommand(this.config.DOCUMENT_RETENTION_DAYS),
      );
      if (report.purged + report.failed > 0)
        this.logger.log(report, 'purged the documents past their retention period');
    } catch (error) {
      this.logger.error(
        { err: error },
        'the document retention job failed; the next run catches up',
      );
    }
  }
}
